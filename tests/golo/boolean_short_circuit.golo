module corpus.BooleanShortCircuit

function loud = |label, value| {
  println("evaluated " + label)
  return value
}

function main = |args| {
  println(false and loud("a", true))
  println(true or loud("b", true))
  println(true and loud("c", false))
  println(false or loud("d", true))
  println(false and 1)
  println(true or null)
}
