module corpus.ImportFirstModuleWins

import lib.First
import lib.Second

function main = |args| {
  println(who())
  println(Second.who())
  println(onlyInSecond())
}
