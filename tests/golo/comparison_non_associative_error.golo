module corpus.ComparisonNonAssociativeError

function main = |args| {
  println("never printed")
  println(1 < 2 < 3)
}
