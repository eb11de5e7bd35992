module corpus.PrintDoublesBoundaries

function main = |args| {
  println(0.0009)
  println(0.00001)
  println(1.0 / 3)
  println(2.0 / 3)
  println(100.0)
  println(12345678.9)
  println(1.0e16)
  println(1.0e21)
  println(1e7 - 1)
  println(-0.0)
  println(1e308 * 10)
  println(0.1 + 0.2 == 0.3)
}
