module corpus.UnionsAugmentedAndMatched

union Shape = {
  Circle = { radius }
  Rect = { width, height }
  Nothing
}

augment Shape {
  function area = |this| -> match {
    when this: isCircle() then 3 * this: radius() * this: radius()
    when this: isRect() then this: width() * this: height()
    otherwise 0
  }
}

function main = |args| {
  let shapes = list[Shape.Circle(2), Shape.Rect(3, 5), Shape.Nothing()]
  foreach s in shapes {
    println(s: area())
  }
}
