module corpus.AugmentationsNamed

struct Rect = { width, height }
struct Circle = { radius }

augmentation Describable = {
  function describe = |this| -> "a shape of area " + this: area()
}

augmentation Greeter = {
  function greet = |this| -> "hello from " + this: describe()
}

augment Rect {
  function area = |this| -> this: width() * this: height()
}

augment Circle {
  function area = |this| -> 3 * this: radius() * this: radius()
}

augment Rect with Greeter, Describable

augment Circle with Describable

function main = |args| {
  println(Rect(2, 3): greet())
  println(Circle(1): describe())
  try {
    Circle(1): greet()
  } catch (e) {
    println("circles do not greet")
  }
}
