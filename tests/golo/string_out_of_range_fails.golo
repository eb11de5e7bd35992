module corpus.StringOutOfRangeFails

function main = |args| {
  try {
    println("abc": charAt(5))
  } catch (e) {
    println("charAt out of range")
  }
  try {
    println("abc": substring(2, 10))
  } catch (e) {
    println("substring out of range")
  }
  println("abc": substring(1, 1): isEmpty())
}
