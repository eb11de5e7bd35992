module corpus.MethodCallOnNullCaught

function main = |args| {
  let nothing = null
  try {
    println(nothing: length())
  } catch (e) {
    println("caught")
  }
  println(nothing?: length())
}
