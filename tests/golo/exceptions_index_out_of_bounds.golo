module corpus.ExceptionsIndexOutOfBounds

function main = |args| {
  let l = list[1, 2]
  try {
    println(l: get(5))
  } catch (e) {
    println("list index caught")
  }
  try {
    println(array[1]: get(3))
  } catch (e) {
    println("array index caught")
  }
  try {
    println([1, 2]: get(5))
  } catch (e) {
    println(e: getMessage())
  }
}
