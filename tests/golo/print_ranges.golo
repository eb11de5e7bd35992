module corpus.PrintRanges

function main = |args| {
  println(range(1, 5))
  println([1..3])
  println([2..6])
  println(range(0, 10): incrementBy(2))
  println(range(4))
}
