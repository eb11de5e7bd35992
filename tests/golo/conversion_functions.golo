module corpus.ConversionFunctions

function main = |args| {
  println(intValue(3.99))
  println(intValue("12") + 1)
  println(charValue(65))
  println(doubleValue(2))
  println(longValue("5") * 2)
  println(doubleValue("1.5"))
}
