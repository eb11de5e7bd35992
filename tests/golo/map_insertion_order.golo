module corpus.MapInsertionOrder

function main = |args| {
  let m = map[["zebra", 1], ["apple", 2], ["mango", 3]]
  println(m)
  m: put("zebra", 10)
  println(m)
  m: put("banana", 4)
  println(m)
  m: remove("apple")
  m: put("apple", 5)
  println(m)
}
