module corpus.ExceptionsRequireFailure

function main = |args| {
  require(1 < 2, "not shown")
  println("first requirement passed")
  try {
    require(1 > 2, "requirement failed")
  } catch (e) {
    println(e: getMessage())
    println(e oftype AssertionError.class)
  }
}
