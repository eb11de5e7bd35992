module corpus.ImportCompileErrorInModule

import lib.Broken

function main = |args| {
  println("never printed")
}
