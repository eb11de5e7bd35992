module corpus.ImportModuleMainDoesNotRun

import lib.WithMain

function main = |args| {
  println(greeting())
}
