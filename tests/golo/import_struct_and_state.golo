module corpus.ImportStructAndState

import lib.Shapes

function main = |args| {
  let p = Point(1, 2)
  println(p)
  println(p: x())
  println(unitCount())
  println(unitCount())
}
