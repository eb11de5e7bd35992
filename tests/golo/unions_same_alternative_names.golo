module corpus.UnionsSameAlternativeNames

union Left = {
  X
  Y = { v }
}

union Right = {
  X
  Y = { v }
}

function main = |args| {
  println(Left.X())
  println(Right.X())
  println(Left.X() == Right.X())
  println(Left.Y(1) == Right.Y(1))
  println(Left.Y(1) == Left.Y(1))
  println(list[Left.Y(1), Right.Y(2)])
}
