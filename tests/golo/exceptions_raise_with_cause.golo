module corpus.ExceptionsRaiseWithCause

function main = |args| {
  try {
    try {
      raise("inner")
    } catch (e) {
      raise("outer", e)
    }
  } catch (e) {
    println(e: getMessage())
    println(e: getCause(): getMessage())
  }
  try {
    raise("no cause")
  } catch (e) {
    println(e: getCause())
  }
}
