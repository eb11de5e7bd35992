module corpus.ImportFunctionReference

import lib.MathUtils

function main = |args| {
  let f = ^lib.MathUtils::square
  println(f(6))
  println(list[1, 2, 3]: map(f))
}
