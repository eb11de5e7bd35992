module corpus.NewlineBeforeCallParenthesis

function main = |args| {
  let f = |x| -> x * 2
  let r = f
  (5)
  println(isClosure(r))
  println(r(5))
}
