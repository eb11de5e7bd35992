module corpus.StrAndConcatenationAgree

struct Point = { x, y }

function main = |args| {
  let values = list[null, true, 42, 2.5, 1.0e10, 'c', "s", list[1], vector[], set[2],
    map[["k", 1]], [1, "a"], range(0, 3), Point(1, 2), mapEntry("a", "b")]
  foreach v in values {
    require(str(v) == "" + v, "str and + disagree on " + v)
  }
  println(values: size())
  println(values)
}
