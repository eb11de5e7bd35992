module corpus.ErrorUninitializedSelfReference

function main = |args| {
  println("never printed")
  let a = a
}
