module corpus.ArithmeticDoubles

function main = |args| {
  println(7 / 2.0)
  println(1 + 1.5)
  println(2 * 1.5)
  println(5.5 % 2)
  println(-5.5 % 2)
  println(1.0 / 4)
  println(3.0 - 1)
  println(0.5 * 0.5)
}
