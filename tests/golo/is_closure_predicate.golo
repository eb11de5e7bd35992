module corpus.IsClosurePredicate

function square = |x| -> x * x

function main = |args| {
  println(isClosure(|x| -> x))
  println(isClosure(^square))
  println(isClosure(1))
  println(isClosure("f"))
}
