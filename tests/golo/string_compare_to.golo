module corpus.StringCompareTo

function main = |args| {
  println("a": compareTo("b") < 0)
  println("b": compareTo("a") > 0)
  println("same": compareTo("same") == 0)
  println(5: compareTo(3) > 0)
}
