module corpus.ErrorAssignParameter

function twice = |x| {
  x = x * 2
  return x
}

function main = |args| {
  println(twice(2))
}
