module corpus.ErrorUndeclaredInExpression

function main = |args| {
  let name = "Bob"
  println("Hello " + nmae)
}
