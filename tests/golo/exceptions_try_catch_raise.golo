module corpus.ExceptionsTryCatchRaise

function main = |args| {
  try {
    println("start")
    raise("boom")
    println("not reached")
  } catch (e) {
    println("caught: " + e: getMessage())
  }
  println("after")
}
