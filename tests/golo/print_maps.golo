module corpus.PrintMaps

function main = |args| {
  println(map[["k", list[1, 2]], [1, tuple[3]]])
  println(map[["a", 1], ["b", 2]])
  println(map[])
  println(map[["x", null]])
}
