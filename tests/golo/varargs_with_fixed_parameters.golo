module corpus.VarargsWithFixedParameters

function label = |prefix, parts...| {
  var text = prefix
  foreach p in parts { text = text + "-" + p }
  return text
}

function pick = |a| -> "exact"

function pick = |a, rest...| -> "varargs " + rest: size()

function main = |args| {
  println(label("x"))
  println(label("x", 1, 2))
  println(pick(1))
  println(pick(1, 2))
  println(pick(1, 2, 3))
}
