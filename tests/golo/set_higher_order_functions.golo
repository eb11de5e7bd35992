module corpus.SetHigherOrderFunctions

function main = |args| {
  let s = set[1, 2, 3, 4]
  println(s: filter(|x| -> x > 2))
  println(s: map(|x| -> x * 10))
  println(s: reduce(0, |a, b| -> a + b))
  println(s: count(|x| -> x < 3))
  println(s: exists(|x| -> x == 4))
  println(s: find(|x| -> x > 1))
}
