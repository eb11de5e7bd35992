module corpus.ErrorCharLiteralWithTwoCharacters

function main = |args| {
  println("never printed")
  let c = 'ab'
}
