module corpus.StringTrimIsJavaTrim

function main = |args| {
  println("[" + " \t x \n": trim() + "]")
  println("\u00a0x\u00a0": trim(): length())
}
