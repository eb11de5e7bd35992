module corpus.FunctionReferences

function square = |x| -> x * x

function apply = |f, v| -> f(v)

function main = |args| {
  let f = ^square
  println(f(4))
  println(apply(^square, 5))
  println(list[1, 2, 3]: map(^square))
}
