module corpus.ClosuresRecursiveLet

function main = |args| {
  let fact = |n| -> match {
    when n <= 1 then 1
    otherwise n * fact(n - 1)
  }
  println(fact(5))
  let countdown = |n| {
    if n > 0 {
      print(n + " ")
      countdown(n - 1)
    }
  }
  countdown(3)
  println("liftoff")
}
