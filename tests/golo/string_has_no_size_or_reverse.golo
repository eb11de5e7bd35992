module corpus.StringHasNoSizeOrReverse

function main = |args| {
  try {
    println("abc": size())
  } catch (e) {
    println("no size")
  }
  try {
    println("abc": reverse())
  } catch (e) {
    println("no reverse")
  }
}
