module corpus.ClosuresCaptureInForeach

function main = |args| {
  let closures = list[]
  foreach i in range(0, 3) {
    closures: add(-> i * 100)
  }
  foreach f in closures {
    println(f())
  }
}
