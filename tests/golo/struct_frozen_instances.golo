module corpus.StructFrozenInstances

struct Point = { x, y }

function main = |args| {
  let frozen = ImmutablePoint(1, 2)
  println(frozen)
  println(frozen: isFrozen())
  println(Point(1, 2): isFrozen())
  try {
    frozen: x(5)
  } catch (e) {
    println(e: getMessage())
    println(e oftype IllegalStateException.class)
  }
  let copy = frozen: copy()
  println(copy: isFrozen())
  copy: x(5)
  println(copy)
  let ice = copy: frozenCopy()
  println(ice: isFrozen())
  println(ice)
}
