module corpus.ListReverseAndOrder

function main = |args| {
  let l = list[3, 1, 2]
  let r = l: reversed()
  println(r)
  println(l)
  println(l: reverse() is l)
  println(l)
  let v = vector[5, 3, 9]
  println(v: ordered())
  println(v)
  println(v: order() is v)
  println(v)
  println(list["pear", "apple", "fig"]: ordered())
}
