module corpus.PrintNullAndBooleans

function main = |args| {
  println(null)
  println(true)
  println(false)
  println(str(null) + "|" + str(true))
}
