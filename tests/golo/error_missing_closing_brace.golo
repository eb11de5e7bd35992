module corpus.ErrorMissingClosingBrace

function main = |args| {
  println("never printed")
  if true {
    println("x")
}
