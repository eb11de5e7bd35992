module corpus.ExceptionsUncaughtConstructed

function main = |args| {
  throw IllegalStateException("bad state here")
}
