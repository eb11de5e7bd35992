module corpus.StructNestedPrinting

struct Point = { x, y }
struct Segment = { from, to }

function main = |args| {
  let s = Segment(Point(0, 0), Point(1, "b"))
  println(s)
  println(list[Point(1, 2), null])
}
