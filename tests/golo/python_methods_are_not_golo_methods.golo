module corpus.PythonMethodsAreNotGoloMethods

function attempt = |label, f| {
  try {
    println(label + ": " + f())
  } catch (e) {
    println(label + ": no such method")
  }
}

function main = |args| {
  attempt("upper", -> "abc": upper())
  attempt("startswith", -> "abc": startswith("a"))
  attempt("__len__", -> "abc": __len__())
  attempt("keys", -> map[["k", 1]]: keys())
  attempt("sort", -> list[3, 1]: sort())
  attempt("__class__", -> list[1]: __class__())
  attempt("count on string", -> "aab": count("a"))
  attempt("toUpperCase", -> "abc": toUpperCase())
}
