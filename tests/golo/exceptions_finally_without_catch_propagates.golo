module corpus.ExceptionsFinallyWithoutCatchPropagates

function main = |args| {
  try {
    try {
      raise("inner")
    } finally {
      println("inner finally")
    }
    println("not reached")
  } catch (e) {
    println("outer caught " + e: getMessage())
  }
}
