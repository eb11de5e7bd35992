module corpus.ErrorForeachVariableAfterLoop

function main = |args| {
  foreach item in list[1] {
    println(item)
  }
  println(item)
}
