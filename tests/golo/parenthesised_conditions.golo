module corpus.ParenthesisedConditions

function main = |args| {
  var i = 0
  while (i < 3) {
    i = i + 1
  }
  println(i)
  if (i == 3) and (i > 0) {
    println("both")
  }
  foreach (x in list[1]) {
    println(x)
  }
}
