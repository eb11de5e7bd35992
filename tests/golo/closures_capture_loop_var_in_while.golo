module corpus.ClosuresCaptureLoopVarInWhile

function main = |args| {
  let closures = list[]
  var n = 0
  while n < 3 {
    closures: add(-> n)
    n = n + 1
  }
  println(closures: map(|f| -> f()))
  println(n)
}
