module corpus.UnionsValuesAndPrinting

union Shape = {
  Circle = { radius }
  Rect = { width, height }
  Nothing
}

function main = |args| {
  println(Shape.Circle(2))
  println(Shape.Rect(3, 5))
  println(Shape.Nothing())
  println("shape: " + Shape.Circle(1.5))
}
