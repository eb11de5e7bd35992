#!/usr/bin/env golo-fast
module corpus.ShebangFirstLine

function main = |args| {
  println("shebang ok")
}
