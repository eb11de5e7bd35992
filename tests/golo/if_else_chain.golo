module corpus.IfElseChain

function grade = |score| {
  if score >= 90 {
    return "A"
  } else if (score >= 80) {
    return "B"
  } else {
    return "C"
  }
}

function main = |args| {
  println(grade(95))
  println(grade(85))
  println(grade(10))
  if (true) {
    println("parenthesised")
  }
  if false {
    println("never")
  }
  println("done")
}
