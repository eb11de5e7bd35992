module corpus.StringConcatenation

function main = |args| {
  println("x" + 1 + 2)
  println(1 + 2 + "x")
  println("a" + null)
  println("s" + 'c')
  println("a" + list[1])
  println("v" + 1.5)
  println("b" + true)
  println("t" + [1, 2])
  println(null + "z")
  println("m" + map[["k", 1]])
}
