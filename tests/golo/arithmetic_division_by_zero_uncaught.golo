module corpus.ArithmeticDivisionByZeroUncaught

function main = |args| {
  println("before")
  let zero = 0
  println(10 / zero)
  println("not reached")
}
