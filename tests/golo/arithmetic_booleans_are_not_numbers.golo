module corpus.ArithmeticBooleansAreNotNumbers

function attempt = |label, f| {
  try {
    println(label + ": " + f())
  } catch (e) {
    println(label + ": error")
  }
}

function main = |args| {
  attempt("true + 1", -> true + 1)
  attempt("1 * false", -> 1 * false)
  attempt("ab * true", -> "ab" * true)
  attempt("true < 1", -> true < 1)
  attempt("true + s", -> true + "s")
}
