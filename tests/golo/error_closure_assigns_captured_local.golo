module corpus.ErrorClosureAssignsCapturedLocal

function main = |args| {
  var n = 0
  let inc = {
    n = n + 1
  }
  inc()
  println(n)
}
