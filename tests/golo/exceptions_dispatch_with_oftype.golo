module corpus.ExceptionsDispatchWithOftype

function kind = |f| {
  try {
    f()
    return "none"
  } catch (e) {
    case {
      when e oftype IllegalArgumentException.class {
        return "illegal argument: " + e: getMessage()
      }
      when e oftype IllegalStateException.class {
        return "illegal state: " + e: getMessage()
      }
      otherwise {
        throw e
      }
    }
  }
}

function main = |args| {
  println(kind({ throw IllegalArgumentException("a") }))
  println(kind({ throw IllegalStateException("s") }))
  println(kind({ println("quiet") }))
  try {
    kind({ raise("other") })
  } catch (e) {
    println("rethrown: " + e: getMessage())
  }
}
