module corpus.StructAccessorsAndSetterChain

struct Point = { x, y }

function main = |args| {
  let p = Point(1, 2)
  println(p: x())
  println(p: y())
  p: x(10)
  println(p)
  let q = Point(): x(5): y(6)
  println(q)
  println(p: y(20) is p)
}
