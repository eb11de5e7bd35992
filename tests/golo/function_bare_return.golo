module corpus.FunctionBareReturn

function check = |x| {
  if x > 0 {
    return
  }
  return "not positive"
}

function main = |args| {
  println(check(1))
  println(check(-1))
}
