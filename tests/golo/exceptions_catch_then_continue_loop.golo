module corpus.ExceptionsCatchThenContinueLoop

function main = |args| {
  foreach d in list[2, 0, 5] {
    try {
      println(10 / d)
    } catch (e) {
      println("skipped " + d + ": " + e: getMessage())
    }
  }
}
