module corpus.StringRepetition

function main = |args| {
  println("ab" * 3)
  println(2 * "xy")
  println("[" + ("ab" * 0) + "]")
  println("[" + ("ab" * -2) + "]")
  println("-" * 5)
}
