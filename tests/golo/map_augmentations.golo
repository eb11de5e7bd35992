module corpus.MapAugmentations

function main = |args| {
  let m = map[]
  println(m: add("a", 1) is m)
  m: add("b", 2): add("c", 3)
  println(m)
  m: delete("b")
  println(m)
  println(m: getOrElse("a", 0))
  println(m: getOrElse("z", 0))
  m: put("n", null)
  println(m: getOrElse("n", "default for null"))
  m: addIfAbsent("a", 100)
  m: addIfAbsent("d", 4)
  println(m)
}
