module corpus.ArithmeticDivisionByZeroCaught

function main = |args| {
  try {
    println(1 / 0)
  } catch (e) {
    println(e: getMessage())
  }
  try {
    println(5 % 0)
  } catch (e) {
    println(e: getMessage())
  }
  println("after")
}
