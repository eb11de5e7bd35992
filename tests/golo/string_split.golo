module corpus.StringSplit

function main = |args| {
  let parts = "a,b,,c": split(",")
  println(parts: length())
  println(parts: asList())
  println(parts: get(3))
  println("a,b,,": split(","): length())
  println("one two  three": split(" "): asList())
  foreach word in "x;y": split(";") {
    println(word)
  }
}
