module corpus.PrintDoublesInsideValues

struct Reading = { value }

function main = |args| {
  println(list[1.0e10, 0.5, 2.0])
  println("x" + 1.0e10)
  println(str(0.1 + 0.2))
  println([1.5e-7])
  println(map[["k", 1.0e7]])
  println(Reading(0.001))
  println(1 + 1.0 + "x")
}
