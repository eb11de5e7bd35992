module corpus.ArithmeticDoubleMixed

function main = |args| {
  println(7.0 / 2)
  println(-7.5 / 2)
  println(1 / 2.0)
  println(1 / 2)
  println(2 > 1.5)
  println(3 == 3.0)
  println(10 * 0.1)
  println(7 / 2 * 2)
  println(10 - 7 % 4)
}
