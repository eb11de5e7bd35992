module corpus.StringEscapes

function main = |args| {
  println("caf\u00e9 \"q\" \\ \t|")
  println("one\ntwo")
  println("it\'s")
  println("\u0041\u00E9")
}
