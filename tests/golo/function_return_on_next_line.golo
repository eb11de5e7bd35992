module corpus.FunctionReturnOnNextLine

function f = {
  return   # comment
  42
}

function main = |args| {
  println(f())
}
