module corpus.PrintCharLiterals

function main = |args| {
  println('a')
  println('Z')
  println('\'')
  println('"')
  println('\u00e9')
  println("[" + '\t' + "]")
}
