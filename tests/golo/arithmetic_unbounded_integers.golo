module corpus.ArithmeticUnboundedIntegers

function main = |args| {
  println(2147483647 + 1)
  println(1_000_000 * 1_000_000)
  println(2147483647 + 1_L)
  println(9_223_372_036_854_775_807_L + 1)
  println(-2147483648 - 1)
  var p = 1
  foreach i in range(0, 100) { p = p * 2 }
  println(p)
}
