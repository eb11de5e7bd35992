module corpus.StructEquality

struct Point = { x, y }

function main = |args| {
  let p = Point(3, 4)
  println(Point(3, 4) == Point(3, 4))
  println(p == p)
  println(ImmutablePoint(3, 4) == ImmutablePoint(3, 4))
  println(ImmutablePoint(3, 4) == ImmutablePoint(4, 3))
  println(p: frozenCopy() == ImmutablePoint(3, 4))
}
