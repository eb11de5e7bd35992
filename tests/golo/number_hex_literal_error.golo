module corpus.NumberHexLiteralError

function main = |args| {
  println("never printed")
  println(0x10)
}
