module corpus.RangeOfCharactersFromA

function main = |args| {
  foreach c in range('D') {
    print(c)
  }
  println("")
  println(range('a', 'c'): size())
}
