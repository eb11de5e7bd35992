module corpus.StringFormat

function main = |args| {
  println("%s is %d": format("x", 3))
  println("%.2f": format(3.14159))
  println("[%5d]": format(42))
  println("[%-5s]": format("ab"))
  println("%05d": format(42))
  println("%x": format(255))
  println("%b": format(true))
  println("%c": format('z'))
  println("100%%": format())
  println("%,d": format(1234567))
  println("%f": format(1.5))
  println("%s and %s": format(list[1], null))
}
