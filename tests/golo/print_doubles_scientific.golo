module corpus.PrintDoublesScientific

function main = |args| {
  println(1.0e7)
  println(1e10)
  println(1.0e10)
  println(1.5e-7)
  println(1.0e-4)
  println(123456789.0)
  println(0.0001)
  println(-2.5e8)
  println(10000000.0)
}
