module corpus.MapHigherOrderFunctions

function main = |args| {
  let m = map[["a", 1], ["b", 2], ["c", 3]]
  println(m: filter(|k, v| -> v > 1))
  println(m: map(|k, v| -> mapEntry(k + k, v * 10)))
  println(m: reduce(0, |acc, k, v| -> acc + v))
  println(m: count(|k, v| -> v % 2 == 1))
  println(m: exists(|k, v| -> k == "b"))
  println(m: find(|k, v| -> v == 2))
  let keys = list[]
  m: each(|k, v| -> keys: add(k))
  println(keys)
}
