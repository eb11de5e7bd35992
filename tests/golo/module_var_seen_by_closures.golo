module corpus.ModuleVarSeenByClosures

var current = "a"
var total = 0

function main = |args| {
  let read = -> current
  current = "b"
  println(read())
  let inc = {
    total = total + 1
  }
  inc()
  inc()
  println(total)
}
