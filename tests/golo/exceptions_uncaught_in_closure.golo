module corpus.ExceptionsUncaughtInClosure

function main = |args| {
  let check = |n| {
    if n > 2 {
      raise("too big: " + n)
    }
    return n
  }
  println(list[1, 2]: map(check))
  println(list[1, 2, 3]: map(check))
}
