# Ranges and comprehensions: primes, Pythagorean triples, a multiplication table.
module examples.Ranges

function isPrime = |n| -> n > 1 and not range(2, n): exists(|d| -> n % d == 0)

function main = |args| {
  println(list[n foreach n in [1..30] when isPrime(n)])

  let triples = list[[a, b, c] foreach a in [1..20] foreach b in [a..20] foreach c in [b..20] when a * a + b * b == c * c]
  println(triples: size() + " triples")
  foreach a, b, c in triples {
    println(a + "² + " + b + "² = " + c + "²")
  }

  foreach row in [1..4] {
    println(list[row * col foreach col in [1..4]]: join("\t"))
  }

  println([1..5]: size() + " vs " + range(1, 5): size())
  println([1..5])
  println(range(0, 20): incrementBy(5))
  println(list[i foreach i in range(0, 20): incrementBy(5)])
  println(list[i foreach i in reversedRange(5, 0)])
  println(map[[c, c * c] foreach c in [1..5] when c % 2 == 1])
  println(set[w: length() foreach w in list["a", "bb", "cc", "ddd"]])
  println([1..100]: reduce(0, |a, b| -> a + b))
  println(list[c foreach c in range('a', 'f')]: join(""))
}
