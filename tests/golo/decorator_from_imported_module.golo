module corpus.DecoratorFromImportedModule

import lib.Decorators

@tagged("lib")
function hello = |name| -> "hello " + name

function main = |args| {
  println(hello("ann"))
}
