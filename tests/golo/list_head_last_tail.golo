module corpus.ListHeadLastTail

function main = |args| {
  let l = list[1, 2, 3]
  println(l: head())
  println(l: last())
  println(l: tail())
  println(list[]: head())
  println(vector["a", "b"]: tail())
}
