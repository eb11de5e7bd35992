module corpus.NumberMethods

function main = |args| {
  3: times(-> print("*"))
  println("")
  4: times(|i| -> print(i))
  println("")
  1: upTo(3, |i| -> print(i))
  println("")
  3: downTo(1, |i| -> print(i))
  println("")
  println(42: toString() + "!")
  println(3: doubleValue())
  println(3.99: intValue())
  println(7: equals(7))
}
