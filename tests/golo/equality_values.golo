module corpus.EqualityValues

function main = |args| {
  println("ab" == "a" + "b")
  println(list[1, 2] == vector[1, 2])
  println(list[1, 2] == [1, 2])
  println([1, 2] == [1, 2])
  println([1, 2] == [2, 1])
  println(set[1, 2] == set[2, 1])
  println(map[["a", 1], ["b", 2]] == map[["b", 2], ["a", 1]])
  println(list[1, 2] != list[1, 2])
  println('a' == "a")
  println(list[list[1]] == list[list[1]])
}
