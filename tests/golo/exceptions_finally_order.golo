module corpus.ExceptionsFinallyOrder

function main = |args| {
  try {
    println("try")
  } catch (e) {
    println("catch")
  } finally {
    println("finally 1")
  }
  try {
    raise("x")
  } catch (e) {
    println("catch " + e: getMessage())
  } finally {
    println("finally 2")
  }
  try {
    println("try only")
  } finally {
    println("finally 3")
  }
}
