# Structs with plain and named augmentations.
module examples.Shapes

struct Rect = { width, height }
struct Circle = { radius }

augmentation Describable = {
  function describe = |this| -> this: name() + " with area " + this: area()
}

augment Rect {
  function name = |this| -> "rect " + this: width() + "x" + this: height()
  function area = |this| -> this: width() * this: height()
  function scaled = |this, k| -> Rect(this: width() * k, this: height() * k)
}

augment Circle {
  function name = |this| -> "circle r=" + this: radius()
  function area = |this| -> 3 * this: radius() * this: radius()
}

augment Rect with Describable

augment Circle with Describable

augment java.util.List {
  function totalArea = |this| -> this: reduce(0, |acc, s| -> acc + s: area())
}

function main = |args| {
  let shapes = list[Rect(2, 3), Circle(2), Rect(1, 1): scaled(4)]
  foreach s in shapes {
    println(s: describe())
  }
  println("total area: " + shapes: totalArea())

  let r = Rect(2, 3)
  println(r)
  r: width(10)
  println(r: describe())

  let frozen = ImmutableRect(1, 2)
  try {
    frozen: width(5)
  } catch (e) {
    println("cannot change a frozen rect")
  }
  println(frozen == ImmutableRect(1, 2))
  println(Rect(1, 2) == Rect(1, 2))
}
