module corpus.DecoratorsParametrised

function logged = |label| -> |fn| -> |args...| {
  println("calling " + label)
  return fn: invoke(args)
}

@logged("add")
function add = |a, b| -> a + b

function main = |args| {
  println(add(1, 2))
  println(add(10, 20))
}
