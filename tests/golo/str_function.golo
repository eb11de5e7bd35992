module corpus.StrFunction

function main = |args| {
  println(str("a", 1, null))
  println("[" + str() + "]")
  println(str(list[1, 2]))
  println(str(3.0, 'c', true))
  println(str(42) + str(1))
}
