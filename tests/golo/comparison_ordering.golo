module corpus.ComparisonOrdering

function main = |args| {
  println(1 < 2)
  println(2.5 >= 2)
  println(3 <= 3)
  println(3 > 3)
  println("abc" < "abd")
  println("b" > "abc")
  println('a' < 'b')
  println([1, 2] < [1, 3])
  println([2, 0] > [1, 9])
  println(1 < 1.5)
}
