module corpus.PrintListsAndVectors

function main = |args| {
  println(list[1, "two", 3.0, null, 'c', true])
  println(list[list[1, 2], list[], vector[3]])
  println(vector["a", "b"])
  println(list[])
  println(vector[])
}
