module corpus.StructSameNameInTwoModules

import lib.Shapes

struct Point = { x, y, z }

function main = |args| {
  let mine = Point(1, 2, 3)
  println(mine)
  println(mine oftype corpus.StructSameNameInTwoModules.types.Point.class)
  println(mine oftype lib.Shapes.types.Point.class)
  println(lib.Shapes.Point(1, 2))
  println(lib.Shapes.Point(1, 2) oftype lib.Shapes.types.Point.class)
}
