module corpus.DestructuringRest

function main = |args| {
  let head, rest... = list[1, 2, 3, 4]
  println(head)
  println(rest)
  let t1, t2... = [7, 8, 9]
  println(t1)
  println(t2)
  let a, b... = [1]
  println(b)
  println(b == tuple[])
}
