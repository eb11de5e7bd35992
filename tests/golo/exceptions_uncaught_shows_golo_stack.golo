module corpus.ExceptionsUncaughtShowsGoloStack

function inner = |x| {
  raise("deep failure " + x)
}

function outer = -> inner(7)

function main = |args| {
  outer()
}
