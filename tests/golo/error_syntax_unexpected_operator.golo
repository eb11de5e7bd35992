module corpus.ErrorSyntaxUnexpectedOperator

function main = |args| {
  println("never printed")
  let total = 4 * * 2
}
