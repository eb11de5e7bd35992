module corpus.ListJavaMethods

function main = |args| {
  let l = list[1, 2, 3]
  println(l: size())
  println(l: isEmpty())
  println(l: get(0))
  l: set(0, 10)
  l: add(4)
  l: add(0, 0)
  println(l)
  l: addAll(list[5, 6])
  println(l)
  println(l: contains(5))
  println(l: contains(99))
  println(l: indexOf(2))
  println(list[1, 2, 1]: lastIndexOf(1))
  println(l: indexOf(99))
  println(l: subList(1, 3))
  l: clear()
  println(l)
  println(l: isEmpty())
}
