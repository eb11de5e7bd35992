module corpus.OverloadingByArity

function describe = -> "none"

function describe = |a| -> "one: " + a

function describe = |a, b| -> "two: " + a + ", " + b

function main = |args| {
  println(describe())
  println(describe(1))
  println(describe(1, 2))
}
