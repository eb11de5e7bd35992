module corpus.PythonBuiltinEvalIsNotGolo

function main = |args| {
  println(eval("1 + 1"))
}
