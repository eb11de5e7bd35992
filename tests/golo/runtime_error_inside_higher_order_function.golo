module corpus.RuntimeErrorInsideHigherOrderFunction

function main = |args| {
  try {
    println(list[1, 0, 2]: map(|x| -> 10 / x))
  } catch (e) {
    println("caught " + e: getMessage())
  }
  println(list[]: reduce(7, |a, b| -> a + b))
}
