module corpus.PrintSets

function main = |args| {
  println(set[3, 1, 3, 2])
  println(set[])
  println(set["b", "a", "b"])
}
