module corpus.DecoratorsStacked

function shout = |fn| -> |args...| -> fn: invoke(args): toUpperCase()

function exclaim = |fn| -> |args...| -> fn: invoke(args) + "!"

function tag = |fn| -> |args...| -> "<" + fn: invoke(args) + ">"

@exclaim @shout
function hello = |name| -> "hello " + name

@tag
@exclaim
function plain = |s| -> s

function main = |args| {
  println(hello("ab"))
  println(plain("x"))
}
