module corpus.ImportModuleFunctions

import lib.MathUtils

function main = |args| {
  println(square(3))
  println(MathUtils.square(4))
  println(lib.MathUtils.square(5))
  println(cube(2))
}
