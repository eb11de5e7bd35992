module corpus.ComparisonIncomparableErrors

function attempt = |label, f| {
  try {
    println(label + ": " + f())
  } catch (e) {
    println(label + ": error")
  }
}

function main = |args| {
  attempt("null < 1", -> null < 1)
  attempt("a < 1", -> "a" < 1)
  attempt("1 < 2", -> 1 < 2)
}
