module corpus.ModuleFunctionBeatsPredefined

function str = |x| -> "my str of " + x

function main = |args| {
  println(str(1))
  println("concatenation " + 2)
}
