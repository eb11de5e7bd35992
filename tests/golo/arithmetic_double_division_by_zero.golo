module corpus.ArithmeticDoubleDivisionByZero

function main = |args| {
  println(1 / 0.0)
  println(-1 / 0.0)
  println(5 % 0.0)
  println(0 / 0.0)
  println(5.0 % 0)
}
