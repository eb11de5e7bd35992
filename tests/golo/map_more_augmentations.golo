module corpus.MapMoreAugmentations

function main = |args| {
  let m = map[["a", 1]]
  println(m: getOrElse("z", -> "computed"))
  println(m: getOrElse("a", -> "computed"))
  m: add(["b", 2])
  println(m)
  println(map(["x", 1], ["y", 2]))
  foreach k, v in m: entrySet() when v > 1 {
    println(k)
  }
}
