module corpus.ErrorUndeclaredInClosureBody

function main = |args| {
  let f = |x| -> x + y
  println("never printed")
}
