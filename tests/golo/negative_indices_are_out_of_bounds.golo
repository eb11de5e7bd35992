module corpus.NegativeIndicesAreOutOfBounds

function attempt = |label, f| {
  try {
    println(label + ": " + f())
  } catch (e) {
    println(label + ": error")
  }
}

function main = |args| {
  attempt("list get(-1)", -> list[1, 2]: get(-1))
  attempt("vector get(-1)", -> vector[1, 2]: get(-1))
  attempt("tuple get(-1)", -> [1, 2]: get(-1))
  attempt("array get(-1)", -> array[1, 2]: get(-1))
  attempt("charAt(-1)", -> "ab": charAt(-1))
  attempt("substring(-1)", -> "ab": substring(-1))
  attempt("substring(2, 1)", -> "abc": substring(2, 1))
  attempt("list get(1)", -> list[1, 2]: get(1))
}
