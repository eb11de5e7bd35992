module corpus.AugmentStructOfAnotherModule

import lib.Shapes

augment lib.Shapes.types.Point {
  function sum = |this| -> this: x() + this: y()
}

function main = |args| {
  println(Point(3, 4): sum())
}
