module corpus.FunctionDeclarationForms

function answer = { return 42 }

function square = |x| -> x * x

function add = |a, b| {
  return a + b
}

function one = -> 1

function nothing = |x| {
  let y = x
}

function main = |args| {
  println(answer())
  println(square(7))
  println(add(2, 3))
  println(one())
  println(nothing(5))
}
