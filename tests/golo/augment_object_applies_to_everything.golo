module corpus.AugmentObjectAppliesToEverything

struct Point = { x, y }

union Color = {
  Red
}

augment java.lang.Object {
  function tag = |this| -> "tagged " + this
}

function main = |args| {
  println(1: tag())
  println("s": tag())
  println(list[1]: tag())
  println(Point(1, 2): tag())
  println(Color.Red(): tag())
  println(isClosure((|x| -> x): tag()))
  try {
    let nothing = null
    nothing: tag()
  } catch (e) {
    println("null is not an object")
  }
}
