module corpus.RecursionClassics

function fact = |n| -> match {
  when n <= 1 then 1
  otherwise n * fact(n - 1)
}

function fib = |n| {
  if n < 2 {
    return n
  }
  return fib(n - 1) + fib(n - 2)
}

function main = |args| {
  println(fact(5))
  println(fact(20))
  println(fact(25))
  println(fib(20))
}
