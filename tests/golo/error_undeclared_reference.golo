module corpus.ErrorUndeclaredReference

function main = |args| {
  println("never printed")
  println(unknownThing)
}
