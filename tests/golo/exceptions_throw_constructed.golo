module corpus.ExceptionsThrowConstructed

function attempt = |f| {
  try {
    f()
  } catch (e) {
    println(e: getMessage())
  }
}

function main = |args| {
  attempt({ throw RuntimeException("runtime") })
  attempt({ throw IllegalArgumentException("bad argument") })
  attempt({ throw IllegalStateException("bad state") })
  attempt({ throw UnsupportedOperationException("unsupported") })
  attempt({ throw Exception("plain") })
}
