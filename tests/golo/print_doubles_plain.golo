module corpus.PrintDoublesPlain

function main = |args| {
  println(3.25)
  println(-0.5)
  println(1.0)
  println(2.5e3)
  println(1.0e-2)
  println(1e3)
  println(0.001)
  println(9999999.0)
  println(0.1 + 0.2)
  println(0.0)
  println(100.0 / 8)
}
