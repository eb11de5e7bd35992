module corpus.ComprehensionsListAndGuard

function main = |args| {
  println(list[x * x foreach x in range(1, 6)])
  println(list[x foreach x in range(0, 20) when x % 7 == 0])
  println(vector[s: toUpperCase() foreach s in list["a", "b"]])
}
