module corpus.ErrorLocalDuplicatesParameter

function f = |x| {
  let x = 2
  return x
}

function main = |args| {
  println(f(1))
}
