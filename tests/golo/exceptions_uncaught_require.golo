module corpus.ExceptionsUncaughtRequire

function main = |args| {
  require(1 + 1 == 3, "arithmetic is broken")
}
