module corpus.PythonBuiltinLenIsNotGolo

function main = |args| {
  println(len("abc"))
}
