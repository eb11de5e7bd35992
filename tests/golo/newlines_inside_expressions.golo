module corpus.NewlinesInsideExpressions

function main = |args| {
  let r = list[1, 2, 3]
    : map(|x| -> x * 2)
  println(r)
  let s = 1 +
    2
  println(s)
  let t = 1
    + 2
  println(t)
  let u = list[1,
    2
  ]
  println(u)
  println(max(
    4,
    9))
}

function max = |a, b| -> match {
  when a > b then a
  otherwise b
}
