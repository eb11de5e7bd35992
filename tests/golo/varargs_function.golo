module corpus.VarargsFunction

function total = |numbers...| {
  var sum = 0
  foreach n in numbers { sum = sum + n }
  return sum
}

function count = |items...| -> items: length()

function main = |args| {
  println(total())
  println(total(1, 2, 3))
  println(total(array[10, 20, 30]))
  println(count())
  println(count("a", "b"))
}
