module corpus.UnionsEquality

union Shape = {
  Circle = { radius }
  Rect = { width, height }
  Nothing
}

function main = |args| {
  println(Shape.Nothing() is Shape.Nothing())
  println(Shape.Circle(2) == Shape.Circle(2))
  println(Shape.Circle(2) == Shape.Circle(3))
  println(Shape.Rect(1, 2) == Shape.Rect(1, 2))
  println(Shape.Circle(1) == Shape.Nothing())
}
