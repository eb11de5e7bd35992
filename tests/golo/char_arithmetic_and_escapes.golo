module corpus.CharArithmeticAndEscapes

function main = |args| {
  println('a' * 2)
  println('z' - 1)
  println('a' + "b")
  println('\\')
  println('\u0041')
  println("\b\r\f": length())
  println("a\tb": length())
  println("\u00e9": length())
}
