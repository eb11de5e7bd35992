module corpus.TupleHigherOrderFunctions

function main = |args| {
  let t = [1, 2, 3, 4]
  println(t: map(|x| -> x * x))
  println(t: filter(|x| -> x > 2))
  println(t: find(|x| -> x > 1))
  println(t: join("-"))
  println(t: reduce(1, |a, b| -> a * b))
  println(t: count(|x| -> x % 2 == 0))
  println(t: exists(|x| -> x > 10))
}
