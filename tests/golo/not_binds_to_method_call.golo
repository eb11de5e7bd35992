module corpus.NotBindsToMethodCall

function main = |args| {
  let empty = list[]
  let full = list[1]
  println(not empty: isEmpty())
  println(not full: isEmpty())
  println(not full: contains(2))
}
