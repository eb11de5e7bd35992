module corpus.ExceptionsRethrowSameObject

function main = |args| {
  let seen = list[]
  try {
    try {
      raise("first")
    } catch (e) {
      seen: add(e)
      throw e
    }
  } catch (again) {
    println("rethrown: " + again: getMessage())
    println(again is seen: get(0))
  }
}
