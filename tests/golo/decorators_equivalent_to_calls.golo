module corpus.DecoratorsEquivalentToCalls

function exclaim = |fn| -> |args...| -> fn: invoke(args) + "!"

function main = |args| {
  println(exclaim(|s| -> s + s)("ab"))
  let twice = |fn| -> |x| -> fn(fn(x))
  println(twice(|n| -> n * 3)(2))
}
