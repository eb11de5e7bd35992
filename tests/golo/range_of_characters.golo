module corpus.RangeOfCharacters

function main = |args| {
  foreach c in range('a', 'e') {
    print(c)
  }
  println("")
}
