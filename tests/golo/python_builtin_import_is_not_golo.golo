module corpus.PythonBuiltinImportIsNotGolo

function main = |args| {
  println(__import__("os"))
}
