module corpus.ArithmeticBigIntegerDivision

function main = |args| {
  println(100000000000000000000 / 3)
  println(-100000000000000000001 / 2)
  println(-100000000000000000001 % 2)
  println(123456789012345678901234567890 % 1000000007)
  println(2147483648 + 0.5)
  println(123456789012.0)
  println(7 % 2.5)
}
