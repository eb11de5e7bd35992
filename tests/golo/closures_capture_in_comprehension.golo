module corpus.ClosuresCaptureInComprehension

function main = |args| {
  let fs = list[(-> x * 10) foreach x in range(0, 3)]
  foreach f in fs {
    println(f())
  }
}
