module corpus.ComprehensionsResultKinds

function main = |args| {
  println(map[[n, n * n] foreach n in range(1, 4)])
  println([x foreach x in range(0, 3)])
  println(set[x % 2 foreach x in range(0, 5)])
  println(list[a + b foreach a, b in list[[1, 2], [10, 20]]])
  println(list[x foreach x in [1..3]])
}
