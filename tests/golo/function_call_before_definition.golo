module corpus.FunctionCallBeforeDefinition

function main = |args| {
  println(later(2))
  println(isEven(10))
  println(isOdd(7))
  println(isEven(3))
}

function later = |x| -> x + 100

function isEven = |n| -> match {
  when n == 0 then true
  otherwise isOdd(n - 1)
}

function isOdd = |n| -> match {
  when n == 0 then false
  otherwise isEven(n - 1)
}
