module corpus.ErrorUseBeforeDeclaration

function main = |args| {
  println(later)
  let later = 1
}
