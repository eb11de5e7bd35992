module corpus.ClosuresForms

function main = |args| {
  let add = |a, b| -> a + b
  let block = |x| {
    let y = x * 2
    return y + 1
  }
  let noArgs = -> "hi"
  let noArgsBlock = { println("run") }
  let rest = |first, more...| -> more: length()
  println(add(1, 2))
  println(block(5))
  println(noArgs())
  println(noArgsBlock())
  println(rest(1))
  println(rest(1, 2, 3))
}
