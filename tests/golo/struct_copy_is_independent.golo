module corpus.StructCopyIsIndependent

struct Point = { x, y }

function main = |args| {
  let p = Point(1, 2)
  let c = p: copy()
  c: x(100)
  println(p)
  println(c)
  println(p == c)
  println(Point(): x())
}
