module corpus.ImportAugmentation

import lib.StringTools

function main = |args| {
  println("golo": reversedText())
  println("abc": surround("*"))
}
