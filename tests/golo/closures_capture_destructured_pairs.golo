module corpus.ClosuresCaptureDestructuredPairs

function main = |args| {
  let fs = list[]
  foreach k, v in map[["a", 1], ["b", 2]]: entrySet() {
    fs: add(-> k + v)
  }
  foreach f in fs {
    println(f())
  }
}
