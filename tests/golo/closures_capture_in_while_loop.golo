module corpus.ClosuresCaptureInWhileLoop

function main = |args| {
  let closures = list[]
  var n = 0
  while n < 3 {
    let snapshot = n
    closures: add(|x| -> x + snapshot)
    n = n + 1
  }
  foreach f in closures {
    println(f(10))
  }
}
