module corpus.StructOrderingDifferentTypesFails

struct Point = { x, y }
struct Pair = { x, y }

function main = |args| {
  try {
    println(Point(1, 2) < Pair(1, 2))
  } catch (e) {
    println("different struct types are not ordered")
  }
}
