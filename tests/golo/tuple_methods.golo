module corpus.TupleMethods

function main = |args| {
  let t = [1, 2, 3]
  println(t: size())
  println(t: isEmpty())
  println([]: isEmpty())
  println(t: get(1))
  println(t: head())
  println(t: tail())
  println(t: subTuple(0, 2))
  println(t: extend(4, 5))
  println(t)
}
