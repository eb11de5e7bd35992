module corpus.FunctionReferenceMethods

function sub = |a, b| -> a - b

function main = |args| {
  let inc = |x| -> x + 1
  let dbl = |x| -> x * 2
  println(inc: arity())
  println(^sub: arity())
  println(inc: andThen(dbl)(5))
  println(inc: compose(dbl)(5))
  println(^sub: bindTo(10)(3))
  println(^sub: bindAt(1, 10)(3))
  println(^sub: bindAt("b", 1)(3))
  println(^sub: invoke(7, 2))
  println(^sub: invoke(array[9, 4]))
}
