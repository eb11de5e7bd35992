module corpus.ImportLocalFunctionWins

import lib.First

function who = -> "local"

function main = |args| {
  println(who())
  println(First.who())
}
