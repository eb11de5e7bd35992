module corpus.ErrorAssignToLet

function main = |args| {
  let limit = 10
  println("never printed")
  limit = 20
}
