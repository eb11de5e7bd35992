module corpus.DecoratorsPlain

function shout = |fn| -> |args...| -> fn: invoke(args): toUpperCase()

@shout
function hello = |name| -> "hello " + name

function main = |args| {
  println(hello("world"))
}
