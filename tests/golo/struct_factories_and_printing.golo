module corpus.StructFactoriesAndPrinting

struct Point = { x, y }

function main = |args| {
  println(Point(1, 2))
  println(Point())
  println(Point("a", list[1]))
  println("p = " + Point(3, 4))
}
