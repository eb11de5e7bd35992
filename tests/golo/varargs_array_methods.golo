module corpus.VarargsArrayMethods

function inspect = |values...| {
  println(values: length())
  println(values: size())
  println(values: isEmpty())
  println(values: get(0))
  println(values: asList())
  println(values: toString())
  println(values: contains(2))
}

function main = |args| {
  inspect(1, 2, 3)
}
