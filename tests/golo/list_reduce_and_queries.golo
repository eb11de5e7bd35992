module corpus.ListReduceAndQueries

function main = |args| {
  let l = list[3, 1, 4, 1, 5]
  println(l: reduce(0, |acc, x| -> acc + x))
  println(l: reduce("", |acc, x| -> acc + x))
  println(l: count(|x| -> x == 1))
  println(l: exists(|x| -> x > 4))
  println(l: exists(|x| -> x > 5))
  println(l: find(|x| -> x > 3))
  println(l: find(|x| -> x > 10))
  let seen = list[]
  println(l: each(|x| -> seen: add(x * 2)) is l)
  println(seen)
}
