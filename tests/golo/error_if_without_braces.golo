module corpus.ErrorIfWithoutBraces

function main = |args| {
  println("never printed")
  if true println("x")
}
