# A union of expression nodes, evaluated and printed with `match`.
module examples.Expressions

union Expr = {
  Num = { value }
  Add = { left, right }
  Mul = { left, right }
  Neg = { operand }
}

function eval = |e| -> match {
  when e: isNum() then e: value()
  when e: isAdd() then eval(e: left()) + eval(e: right())
  when e: isMul() then eval(e: left()) * eval(e: right())
  when e: isNeg() then 0 - eval(e: operand())
  otherwise raise("unknown expression")
}

function show = |e| -> match {
  when e: isNum() then str(e: value())
  when e: isAdd() then "(" + show(e: left()) + " + " + show(e: right()) + ")"
  when e: isMul() then show(e: left()) + " * " + show(e: right())
  when e: isNeg() then "-" + show(e: operand())
  otherwise "?"
}

function main = |args| {
  let e = Expr.Mul(Expr.Add(Expr.Num(2), Expr.Num(3)), Expr.Neg(Expr.Num(4)))
  println(show(e) + " = " + eval(e))
  println(Expr.Num(1))
  println(Expr.Add(Expr.Num(1), Expr.Num(2)))
  println(Expr.Num(7) == Expr.Num(7))
  println(e: isMul())
  println(e: isAdd())
  let sum = list[1, 2, 3, 4]: reduce(Expr.Num(0), |acc, n| -> Expr.Add(acc, Expr.Num(n)))
  println(show(sum) + " = " + eval(sum))
}
