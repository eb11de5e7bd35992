module corpus.DestructuringUnsupportedValuesFail

function attempt = |label, f| {
  try {
    f()
    println(label + ": no error")
  } catch (e) {
    println(label + ": error")
  }
}

function main = |args| {
  attempt("string", {
    let a, b = "ab"
  })
  attempt("map", {
    let a, b = map[["k", 1]]
  })
  attempt("entry into three", {
    let a, b, c = mapEntry(1, 2)
  })
  attempt("null", {
    let a, b = null
  })
  attempt("entry into two", {
    let a, b = mapEntry(1, 2)
  })
}
