module corpus.RaisePredefined

function check = |n| {
  if n < 0 {
    raise("negative: " + n)
  }
  return n
}

function main = |args| {
  println(check(1))
  try {
    check(-5)
  } catch (e) {
    println(e: getMessage())
    println(e oftype RuntimeException.class)
  }
}
