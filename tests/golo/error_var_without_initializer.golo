module corpus.ErrorVarWithoutInitializer

function main = |args| {
  println("never printed")
  var x
  x = 1
}
