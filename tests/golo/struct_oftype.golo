module corpus.StructOftype

struct Point = { x, y }
struct Other = { a }

function main = |args| {
  let p = Point(1, 2)
  println(p oftype corpus.StructOftype.types.Point.class)
  println(p oftype corpus.StructOftype.types.Other.class)
  println(Other(1) oftype corpus.StructOftype.types.Other.class)
}
