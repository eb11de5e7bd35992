module corpus.AugmentStruct

struct Point = { x, y }

augment Point {
  function norm1 = |this| -> this: x() + this: y()
  function shifted = |this, dx| -> Point(this: x() + dx, this: y())
}

function main = |args| {
  let p = Point(3, 4)
  println(p: norm1())
  println(p: shifted(10))
  println(p: shifted(1): norm1())
}
