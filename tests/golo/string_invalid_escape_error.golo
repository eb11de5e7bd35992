module corpus.StringInvalidEscapeError

function main = |args| {
  println("never printed")
  println("bad \q escape")
}
