module corpus.AugmentLocalBeatsImported

import lib.StringTools

augment java.lang.String {
  function surround = |this, s| -> "local " + s + this + s
}

function main = |args| {
  println("x": surround("|"))
  println("abc": reversedText())
}
