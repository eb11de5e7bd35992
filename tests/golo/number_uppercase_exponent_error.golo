module corpus.NumberUppercaseExponentError

function main = |args| {
  println("never printed")
  println(1.0E-4)
}
