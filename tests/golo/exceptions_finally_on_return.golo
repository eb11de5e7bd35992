module corpus.ExceptionsFinallyOnReturn

function fromTry = {
  try {
    return "returned from try"
  } finally {
    println("finally before return")
  }
}

function fromCatch = {
  try {
    raise("x")
  } catch (e) {
    return "returned from catch"
  } finally {
    println("finally after catch")
  }
}

function main = |args| {
  println(fromTry())
  println(fromCatch())
}
