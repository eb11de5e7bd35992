module corpus.ListMapFilterKeepKind

function main = |args| {
  let l = list[1, 2, 3, 4]
  println(l: map(|x| -> x * 10))
  println(l: filter(|x| -> x % 2 == 0))
  let mapped = vector[1, 2]: map(|x| -> x + 1)
  println(mapped)
  println(mapped oftype java.util.ArrayList.class)
  println(l: map(|x| -> x) oftype java.util.LinkedList.class)
  println(l)
}
