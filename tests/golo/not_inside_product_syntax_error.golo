module corpus.NotInsideProductSyntaxError

function main = |args| {
  println("never printed")
  let a = true
  let b = false
  println(a * not b)
}
