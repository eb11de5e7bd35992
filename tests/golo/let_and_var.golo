module corpus.LetAndVar

function main = |args| {
  let answer = 42
  var count = 0
  count = count + 1
  count = count + 1
  println(answer)
  println(count)
  let items = list[]
  items: add(1)
  items: add(2)
  println(items)
}
