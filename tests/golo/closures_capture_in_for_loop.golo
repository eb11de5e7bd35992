module corpus.ClosuresCaptureInForLoop

function main = |args| {
  let closures = vector[]
  for (var k = 0, k < 3, k = k + 1) {
    closures: add(-> k)
  }
  println(closures: get(0)())
  println(closures: get(1)())
  println(closures: get(2)())
}
