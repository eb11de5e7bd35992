module corpus.ErrorAugmentFunctionWithoutParameter

augment java.lang.String {
  function bad = -> 1
}

function main = |args| {
  println("never printed")
}
