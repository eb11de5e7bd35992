module corpus.ArrayMethods

function main = |args| {
  let a = array[1, 2, 3]
  println(a: length())
  println(a: size())
  println(a: get(0))
  a: set(0, 10)
  println(a: toString())
  println(a: isEmpty())
  println(a: contains(2))
  println(a: indexOf(3))
  println(a: head())
  println(a: asList())
  println(a: asList() oftype java.util.List.class)
  var sum = 0
  foreach x in a {
    sum = sum + x
  }
  println(sum)
}
