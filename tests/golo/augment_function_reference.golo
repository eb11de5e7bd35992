module corpus.AugmentFunctionReference

augment gololang.FunctionReference {
  function twice = |this, x| -> this(this(x))
}

function square = |x| -> x * x

function main = |args| {
  let inc = |x| -> x + 1
  println(inc: twice(1))
  println(^square: twice(3))
}
