module corpus.ErrorCaseWithoutOtherwise

function main = |args| {
  println("never printed")
  case {
    when true {
      println("x")
    }
  }
}
