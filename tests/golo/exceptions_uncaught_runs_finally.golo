module corpus.ExceptionsUncaughtRunsFinally

function main = |args| {
  try {
    raise("escaping")
  } finally {
    println("cleanup")
  }
}
