module corpus.ErrorDuplicateDeclaration

function main = |args| {
  var a = 1
  println("never printed")
  var a = 2
}
