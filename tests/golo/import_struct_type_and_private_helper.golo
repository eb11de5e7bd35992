module corpus.ImportStructTypeAndPrivateHelper

import lib.Shapes
import lib.MathUtils

function main = |args| {
  println(Point(1, 2) oftype lib.Shapes.types.Point.class)
  println(viaHelper(4))
}
