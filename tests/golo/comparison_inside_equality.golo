module corpus.ComparisonInsideEquality

function main = |args| {
  println(1 < 2 == true)
  println(2 < 1 == true)
  println(1 + 1 == 2)
  println(2 * 3 > 5 == 1 < 2)
}
