module corpus.ErrorAssignModuleLevelLet

let LIMIT = 10

function main = |args| {
  println("never printed")
  LIMIT = 20
}
