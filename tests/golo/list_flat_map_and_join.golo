module corpus.ListFlatMapAndJoin

function main = |args| {
  println(list[1, 2]: flatMap(|x| -> list[x, x * 10]))
  println(list["a", "b", "c"]: join(", "))
  println(list[1, null, 2.5]: join("|"))
  println("[" + list[]: join(",") + "]")
  println(vector[1, 2]: join(""))
}
