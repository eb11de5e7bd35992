module corpus.ErrorNestedFunctionDeclaration

function main = |args| {
  println("never printed")
  function inner = -> 1
}
