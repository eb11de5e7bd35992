module corpus.EqualityNonAssociativeError

function main = |args| {
  println("never printed")
  println(1 == 1 == true)
}
