module corpus.AugmentIterable

struct Point = { x, y }

augment java.lang.Iterable {
  function countItems = |this| {
    var n = 0
    foreach item in this {
      n = n + 1
    }
    return n
  }
}

function main = |args| {
  println(list[1, 2, 3]: countItems())
  println(set[1, 1, 2]: countItems())
  println([1, 2, 3, 4]: countItems())
  println(range(0, 5): countItems())
  println(Point(1, 2): countItems())
}
