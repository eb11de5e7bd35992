module corpus.ValuesAsMapKeys

struct Point = { x, y }

union Shape = {
  Circle = { radius }
  Empty
}

function main = |args| {
  let m = map[[ImmutablePoint(1, 2), "frozen point"], [Shape.Circle(2), "circle"], [Shape.Empty(), "empty"], ['c', "char"], ["c", "string"]]
  println(m: get(ImmutablePoint(1, 2)))
  println(m: get(Shape.Circle(2)))
  println(m: get(Shape.Empty()))
  println(m: get('c'))
  println(m: get("c"))
  println(m: get(Point(1, 2)))
}
