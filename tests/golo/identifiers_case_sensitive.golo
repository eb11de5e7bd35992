module corpus.IdentifiersCaseSensitive

function main = |args| {
  let value = 1
  let Value = 2
  let VALUE = 3
  println(value + Value * 10 + VALUE * 100)
}
