module corpus.MapLiteralEntriesMustBePairs

function main = |args| {
  println(map[["a", 1, "ignored"]])
  try {
    println(map[1])
  } catch (e) {
    println("bad entry")
  }
}
