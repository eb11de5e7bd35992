module corpus.ClosuresCaptureChain

function main = |args| {
  var tag = "v1"
  let outer = {
    let inner = -> "inner saw " + tag
    return inner
  }
  tag = "v2"
  let made = outer()
  println(made())
}
