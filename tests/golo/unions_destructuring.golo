module corpus.UnionsDestructuring

union Shape = {
  Circle = { radius }
  Rect = { width, height }
}

function main = |args| {
  let w, h = Shape.Rect(3, 5)
  println(w + h)
  let r = Shape.Circle(9)
  let radius = r: radius()
  println(radius)
}
