module corpus.UnaryMinusAnyExpression

function ten = -> 10

function main = |args| {
  let x = 5
  println(-x)
  println(-(x + 1))
  println(-ten())
  println(-x * 2)
  println(-(-x))
  println(-2.5)
}
