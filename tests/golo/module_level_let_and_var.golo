module corpus.ModuleLevelLetAndVar

let GREETING = "hi"
var counter = 0

function bump = {
  counter = counter + 1
}

function main = |args| {
  bump()
  bump()
  println(GREETING + " " + counter)
  counter = 10
  bump()
  println(counter)
}
