module corpus.ImportUnresolvedIsNotAnError

import absent.pkg.Nowhere

function main = |args| {
  println("runs anyway")
}
