module corpus.PrintDoublesSpecial

function main = |args| {
  println(1.0 / 0)
  println(-1.0 / 0)
  println(0.0 / 0.0)
  println("x" + (1.0 / 0))
}
