# Recursion: factorial with big integers, gcd, towers of Hanoi, fast power, flattening, mutual recursion.
module examples.Recursion

function fact = |n| -> match {
  when n <= 1 then 1
  otherwise n * fact(n - 1)
}

function gcd = |a, b| -> match {
  when b == 0 then a
  otherwise gcd(b, a % b)
}

function hanoi = |n, from, to, via, moves| {
  if n > 0 {
    hanoi(n - 1, from, via, to, moves)
    moves: add(from + "->" + to)
    hanoi(n - 1, via, to, from, moves)
  }
  return moves
}

function power = |base, exp| -> match {
  when exp == 0 then 1
  when exp % 2 == 0 then power(base * base, exp / 2)
  otherwise base * power(base, exp - 1)
}

function flatten = |value, out| {
  if value oftype java.util.List.class {
    foreach v in value {
      flatten(v, out)
    }
  } else {
    out: add(value)
  }
  return out
}

function isEven = |n| -> match {
  when n == 0 then true
  otherwise isOdd(n - 1)
}

function isOdd = |n| -> match {
  when n == 0 then false
  otherwise isEven(n - 1)
}

function main = |args| {
  println(fact(10))
  println(fact(30))
  println(gcd(1071, 462))
  let moves = hanoi(3, "A", "C", "B", list[])
  println(moves: size() + " moves: " + moves: join(" "))
  println(hanoi(10, "A", "C", "B", list[]): size())
  println(power(2, 64))
  println(power(3, 5))
  println(flatten(list[1, list[2, list[3, 4]], list[], 5], list[]))
  println(isEven(100) + " " + isOdd(7) + " " + isEven(7))
}
