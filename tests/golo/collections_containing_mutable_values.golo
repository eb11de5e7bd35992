module corpus.CollectionsContainingMutableValues

function main = |args| {
  let s = set[list[1], list[1], list[2]]
  println(s: size())
  println(s)
  let m = map[[list[1, 2], "list key"]]
  println(m: get(list[1, 2]))
  println(s: contains(list[2]))
}
