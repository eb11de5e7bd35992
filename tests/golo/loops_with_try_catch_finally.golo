module corpus.LoopsWithTryCatchFinally

function main = |args| {
  foreach i in range(0, 4) {
    try {
      if i == 1 {
        raise("skip")
      }
      if i == 3 {
        break
      }
      println("body " + i)
    } catch (e) {
      println("caught at " + i)
      continue
    } finally {
      println("finally " + i)
    }
  }
  println("done")
}
