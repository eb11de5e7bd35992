module corpus.CollectionsWithTupleKeys

function main = |args| {
  let m = map[[[1, 2], "pair"]]
  println(m: get([1, 2]))
  println(m: containsKey([2, 1]))
  let s = set[[1, 2], [1, 2], [2, 1]]
  println(s: size())
  println(s)
}
