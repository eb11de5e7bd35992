module corpus.PrintTuples

function main = |args| {
  println([1, [2, 3]])
  println(tuple[1, 2])
  println([])
  println(tuple[])
  println(["a", 'b', 2.5, null])
}
