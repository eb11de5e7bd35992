module corpus.UnionsAreImmutable

union Shape = {
  Circle = { radius }
}

function main = |args| {
  let c = Shape.Circle(2)
  try {
    c: radius(5)
    println("changed?")
  } catch (e) {
    println("union values have no setters")
  }
  println(c)
}
