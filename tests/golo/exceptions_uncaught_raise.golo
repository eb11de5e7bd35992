module corpus.ExceptionsUncaughtRaise

function main = |args| {
  println("before")
  raise("fatal problem")
  println("after")
}
