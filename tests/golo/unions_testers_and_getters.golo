module corpus.UnionsTestersAndGetters

union Shape = {
  Circle = { radius }
  Rect = { width, height }
  Nothing
}

function main = |args| {
  let c = Shape.Circle(2)
  let r = Shape.Rect(3, 5)
  println(c: isCircle())
  println(c: isRect())
  println(c: isNothing())
  println(Shape.Nothing(): isNothing())
  println(c: radius())
  println(r: width() * r: height())
  println(r: isRect(3, 5))
  println(r: isRect(5, 3))
  println(c: isRect(3, 5))
}
