module corpus.DestructuringRangeRest

function main = |args| {
  let first, others... = range(1, 5)
  println(first)
  println(others)
  let a, b, c = [1..3]
  println(a + b + c)
}
