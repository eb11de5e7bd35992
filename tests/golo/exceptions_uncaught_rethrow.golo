module corpus.ExceptionsUncaughtRethrow

function main = |args| {
  try {
    raise("original message")
  } catch (e) {
    println("logging " + e: getMessage())
    throw e
  }
}
