module corpus.ForeachOverIterables

function main = |args| {
  foreach x in list["a", "b"] { print(x) }
  foreach (x in vector[1, 2]) { print(x) }
  foreach x in [3, 4] { print(x) }
  foreach x in set[5, 6, 5] { print(x) }
  foreach x in range(7, 9) { print(x) }
  foreach x in array[9, 0] { print(x) }
  foreach x in [1..2] { print(x) }
  println("")
}
