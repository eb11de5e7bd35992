module corpus.ErrorBlockLocalNotVisibleAfterBlock

function main = |args| {
  if true {
    let inner = 1
  }
  println(inner)
}
