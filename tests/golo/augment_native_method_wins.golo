module corpus.AugmentNativeMethodWins

augment java.lang.String {
  function length = |this| -> 99
  function size = |this| -> 99
}

function main = |args| {
  println("abc": length())
  println("abc": size())
}
