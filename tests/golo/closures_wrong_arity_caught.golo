module corpus.ClosuresWrongArityCaught

function main = |args| {
  let f = |a| -> a
  try {
    f(1, 2)
    println("no error")
  } catch (e) {
    println("caught")
  }
}
