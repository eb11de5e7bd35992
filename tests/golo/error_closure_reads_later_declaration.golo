module corpus.ErrorClosureReadsLaterDeclaration

function main = |args| {
  let f = -> later + 1
  let later = 1
  println(f())
}
