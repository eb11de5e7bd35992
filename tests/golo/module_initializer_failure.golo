module corpus.ModuleInitializerFailure

let BROKEN = 1 / zero()

function zero = -> 0

function main = |args| {
  println("main must not run")
}
