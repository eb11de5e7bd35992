module corpus.ArithmeticIntegers

function main = |args| {
  println(2 + 3 * 4)
  println((2 + 3) * 4)
  println(10 - 2 - 3)
  println(100 / 10 / 2)
  println(7 / 2)
  println(-7 / 2)
  println(7 % 3)
  println(-7 % 3)
  println(7 % -3)
  println(17 % 5 * 2)
}
