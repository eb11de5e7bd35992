module corpus.ForLoop

function main = |args| {
  for (var k = 0, k < 3, k = k + 1) {
    println(k)
  }
  var total = 0
  for (var j = 10, j > 0, j = j - 3) {
    total = total + j
  }
  println(total)
}
