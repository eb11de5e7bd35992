module corpus.ArithmeticUnsupportedOperands

function attempt = |label, f| {
  try {
    f()
    println(label + ": no error")
  } catch (e) {
    println(label + ": error")
  }
}

function main = |args| {
  attempt("list + list", -> list[1] + list[2])
  attempt("string - int", -> "a" - 1)
  attempt("int + null", -> 1 + null)
  attempt("string * string", -> "a" * "b")
  attempt("int + int", -> 1 + 1)
}
