module corpus.RangeLiteralIsInclusive

function main = |args| {
  foreach n in [1..3] {
    println(n)
  }
  let lo = 2
  let hi = 4
  println([lo..hi]: size())
  println([lo..hi])
  println([1..4] == range(1, 5))
  println(range(1, 4) == [1..4])
  println([5..5]: size())
}
