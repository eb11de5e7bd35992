module corpus.SetMethods

function main = |args| {
  let s = set[1, 2]
  s: add(3)
  s: add(2)
  println(s)
  println(s: size())
  println(s: contains(3))
  println(s: has(4))
  s: remove(1)
  println(s)
  println(s: include(7) is s)
  s: exclude(2)
  println(s)
  println(s: isEmpty())
  s: clear()
  println(s: isEmpty())
}
