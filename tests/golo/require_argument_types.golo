module corpus.RequireArgumentTypes

function main = |args| {
  require(true, "fine")
  println("ok")
  try {
    require(1, "not a boolean")
    println("no error")
  } catch (e) {
    println("non-boolean condition rejected")
  }
}
