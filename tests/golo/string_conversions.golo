module corpus.StringConversions

function main = |args| {
  println("42": toInt() + 1)
  println("42": toInteger() * 2)
  println("7": toLong() + 1)
  println("3.5": toDouble() * 2)
  println("-12": toInt())
  try {
    println("forty": toInt())
  } catch (e) {
    println("not a number")
  }
}
