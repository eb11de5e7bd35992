module corpus.BooleanNoTruthinessCaught

function attempt = |label, f| {
  try {
    println(label + ": " + f())
  } catch (e) {
    println(label + ": error")
  }
}

function main = |args| {
  attempt("not 1", -> not 1)
  attempt("true and 1", -> true and 1)
  attempt("false or null", -> false or null)
  attempt("null and true", -> null and true)
  attempt("not false", -> not false)
}
