module corpus.ErrorNamedAndPositionalMixed

function pair = |a, b| -> [a, b]

function main = |args| {
  println("never printed")
  println(pair(1, b = 2))
}
