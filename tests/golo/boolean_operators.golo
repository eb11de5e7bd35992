module corpus.BooleanOperators

function main = |args| {
  println(true and false)
  println(true and true)
  println(false or true)
  println(false or false)
  println(not true)
  println(not false)
  println(true or false and false)
  println((true or false) and false)
  println(not false == true)
  println(not (1 == 2))
}
