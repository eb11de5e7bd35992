module corpus.MinusFormsAreSubtraction

function main = |args| {
  let x = 5
  println(x - 1)
  println(x- 1)
  println(x -1)
  let y = x -1
  println(y)
  println(2 * -3)
  println(0 - x)
  println(1.5 --1)
  println(10-2-3)
}
