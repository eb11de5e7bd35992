module corpus.ClosuresCaptureByValue

function main = |args| {
  var captured = "before"
  let snapshot = -> "saw " + captured
  captured = "after"
  println(snapshot())
  println(captured)
}
