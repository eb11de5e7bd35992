module corpus.StringPredicates

function main = |args| {
  let s = "Hello, Golo"
  println(s: length())
  println(s: isEmpty())
  println("": isEmpty())
  println(s: contains("Golo"))
  println(s: contains("golo"))
  println(s: startsWith("Hell"))
  println(s: endsWith("lo"))
  println(s: equals("Hello, Golo"))
  println(s: equalsIgnoreCase("HELLO, GOLO"))
}
