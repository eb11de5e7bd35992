module corpus.ScopeLocalHidesModuleFunction

function f = |x| -> "module " + x

function main = |args| {
  println(f(1))
  show()
}

function show = {
  let f = |x| -> "local " + x
  println(f(2))
}
