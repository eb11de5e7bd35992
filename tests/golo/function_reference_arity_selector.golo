module corpus.FunctionReferenceAritySelector

function f = |a| -> "one"

function f = |a, b| -> "two"

function main = |args| {
  let one = ^f\1
  let two = ^f\2
  println(one(0))
  println(two(0, 0))
  println(one: arity())
  println(two: arity())
}
