module corpus.StructIterationAndDestructuring

struct Point = { x, y }

function main = |args| {
  foreach pair in Point(1, 2) {
    println(pair)
  }
  foreach name, value in Point(3, 4) {
    println(name + "=" + value)
  }
  let px, py = Point(11, 12)
  println(px + py)
}
