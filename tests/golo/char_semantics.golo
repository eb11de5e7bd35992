module corpus.CharSemantics

function main = |args| {
  println('a' == 'a')
  println('a' == "a")
  println('a' + 1)
  println('a' + 'b')
  println('a' < 'b')
  println("s" + 'c')
  println('b' - 'a')
}
