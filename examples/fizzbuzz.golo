# FizzBuzz, twice: once with a loop, once with a comprehension.
module examples.FizzBuzz

function fizzbuzz = |n| -> match {
  when n % 15 == 0 then "FizzBuzz"
  when n % 3 == 0 then "Fizz"
  when n % 5 == 0 then "Buzz"
  otherwise str(n)
}

function main = |args| {
  foreach n in [1..15] {
    println(fizzbuzz(n))
  }
  println(list[fizzbuzz(i) foreach i in [16..30]]: join(" "))
}
