module corpus.StructOrdering

struct Point = { x, y }

function main = |args| {
  println(Point(1, 2) < Point(1, 3))
  println(Point(2, 0) < Point(1, 9))
  println(Point(1, 1) <= Point(1, 1))
}
