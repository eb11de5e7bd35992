module corpus.MainArgumentsUnicode

function main = |args| {
  foreach a in args {
    println(a + " " + a: length())
  }
}
