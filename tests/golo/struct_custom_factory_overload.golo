module corpus.StructCustomFactoryOverload

struct Point = { x, y }

function Point = |v| -> Point(v, v)

function origin = -> Point(0, 0)

function main = |args| {
  println(Point(7))
  println(Point(1, 2))
  println(origin())
}
