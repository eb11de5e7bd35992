module corpus.AugmentNotVisibleWithoutImport

import lib.UsesStringTools

function main = |args| {
  println(viaLib("abc"))
  try {
    println("abc": reversedText())
  } catch (e) {
    println("augmentation not visible here")
  }
}
