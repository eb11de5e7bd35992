module corpus.ErrorUnterminatedString

function main = |args| {
  println("never printed")
  println("no end)
}
