module corpus.ComprehensionsNestedClauses

function main = |args| {
  println(vector[[a, b] foreach a in range(1, 3) foreach b in list["x", "y"]])
  println(list[i + j foreach i in range(0, 3) when i > 0 foreach j in list[10, 20] when j > 10])
}
