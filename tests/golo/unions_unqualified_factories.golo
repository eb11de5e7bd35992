module corpus.UnionsUnqualifiedFactories

union Shape = {
  Circle = { radius }
  Nothing
}

function main = |args| {
  println(Circle(2))
  println(Circle(2) == Shape.Circle(2))
  println(list[Shape.Nothing(), Shape.Circle(1)])
}
