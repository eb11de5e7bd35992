module corpus.WhileConditionNull

function main = |args| {
  println("before")
  let nothing = null
  while nothing {
    println("inside")
  }
}
