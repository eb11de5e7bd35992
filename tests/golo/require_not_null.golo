module corpus.RequireNotNull

function main = |args| {
  println(requireNotNull("present"))
  try {
    requireNotNull(null)
  } catch (e) {
    println(e: getMessage())
  }
}
