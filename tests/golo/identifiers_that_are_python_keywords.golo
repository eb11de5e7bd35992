module corpus.IdentifiersThatArePythonKeywords

struct Py = { class, def }

function lambda = |yield| -> yield + 1

function main = |args| {
  let def = 1
  let class = 2
  let from = 3
  let pass = 4
  let None = 5
  let True = 6
  let self = 7
  let async = 8
  println(def + class + from + pass)
  println(None + True + self + async)
  println(lambda(1))
  println(Py(1, 2))
  println(Py(1, 2): class())
}
