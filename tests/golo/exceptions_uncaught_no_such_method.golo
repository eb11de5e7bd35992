module corpus.ExceptionsUncaughtNoSuchMethod

function main = |args| {
  println("before")
  "text": fooBarBaz()
}
