module corpus.RangeHigherOrderFunctions

function main = |args| {
  let r = [1..10]
  println(r: reduce(0, |a, b| -> a + b))
  println(r: count(|x| -> x % 3 == 0))
  println(r: exists(|x| -> x == 10))
  let squares = list[]
  r: each(|x| -> squares: add(x * x))
  println(squares: size())
  println(squares: last())
}
