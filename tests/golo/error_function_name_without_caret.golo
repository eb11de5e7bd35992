module corpus.ErrorFunctionNameWithoutCaret

function square = |x| -> x * x

function main = |args| {
  println(list[1, 2]: map(square))
}
