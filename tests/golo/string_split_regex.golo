module corpus.StringSplitRegex

function main = |args| {
  println("a1b22c": split("[0-9]+"): asList())
  println("a.b": split("\\."): asList())
  println("a.b": split("."): length())
  println("x  y": split(" +"): asList())
}
