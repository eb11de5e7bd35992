module corpus.ClosuresNestedCapture

function main = |args| {
  let base = 100
  let outer = |a| {
    let inner = |b| -> base + a + b
    return inner(1)
  }
  println(outer(10))
}
