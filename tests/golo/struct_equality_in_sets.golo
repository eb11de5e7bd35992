module corpus.StructEqualityInSets

struct Point = { x, y }

function main = |args| {
  println(set[Point(1, 2), Point(1, 2)]: size())
  println(set[ImmutablePoint(1, 2), ImmutablePoint(1, 2)]: size())
  println(list[ImmutablePoint(1, 2)]: contains(ImmutablePoint(1, 2)))
  println(list[Point(1, 2)]: contains(Point(1, 2)))
}
