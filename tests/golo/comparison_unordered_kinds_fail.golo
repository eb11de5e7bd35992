module corpus.ComparisonUnorderedKindsFail

function attempt = |label, f| {
  try {
    println(label + ": " + f())
  } catch (e) {
    println(label + ": error")
  }
}

function main = |args| {
  attempt("list < list", -> list[1] < list[2])
  attempt("set < set", -> set[1] < set[1, 2])
  attempt("true < false", -> true < false)
  attempt("null < null", -> null < null)
  attempt("tuple < tuple", -> [1] < [2])
  attempt("string < string", -> "a" < "b")
}
