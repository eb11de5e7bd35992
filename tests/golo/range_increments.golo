module corpus.RangeIncrements

function main = |args| {
  foreach i in range(0, 10): incrementBy(3) {
    print(i + " ")
  }
  println("")
  foreach i in reversedRange(5, 1) {
    print(i + " ")
  }
  println("")
  foreach i in range(10, 0): decrementBy(4) {
    print(i + " ")
  }
  println("")
  println(range(0, 10): incrementBy(2): size())
  println(reversedRange(5, 1) == range(5, 1): incrementBy(-1))
}
