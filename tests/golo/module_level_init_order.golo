module corpus.ModuleLevelInitOrder

let A = trace("A", 1)
let B = trace("B", A + 1)
var C = trace("C", B * 10)

function trace = |label, value| {
  println("init " + label)
  return value
}

function main = |args| {
  println("main")
  println(C)
}
