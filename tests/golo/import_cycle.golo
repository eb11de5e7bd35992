module corpus.ImportCycle

import lib.Ping

function main = |args| {
  println(ping(3))
}
