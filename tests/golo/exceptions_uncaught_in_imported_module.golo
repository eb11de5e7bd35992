module corpus.ExceptionsUncaughtInImportedModule

import lib.Failing

function main = |args| {
  println("calling the library")
  explode("kaboom")
}
