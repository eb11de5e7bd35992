module corpus.ErrorAssignUndeclared

function main = |args| {
  println("never printed")
  bar = 1
}
