module corpus.ErrorBreakOutsideLoop

function main = |args| {
  println("never printed")
  break
}
