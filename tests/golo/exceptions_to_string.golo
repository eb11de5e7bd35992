module corpus.ExceptionsToString

function main = |args| {
  try {
    raise("msg")
  } catch (e) {
    println(e: toString())
  }
}
