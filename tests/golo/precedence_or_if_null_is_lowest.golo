module corpus.PrecedenceOrIfNullIsLowest

function main = |args| {
  let nothing = null
  println(nothing orIfNull 1 + 2)
  println("a" + nothing orIfNull "b")
  println(nothing orIfNull 1 < 2)
  println(not false and false)
  println(1 + 2 * 3 - 4 / 2)
  println((1 + 2) * (3 - 4) / 2)
}
