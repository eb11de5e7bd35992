module corpus.DestructuringSwapAssignment

function main = |args| {
  var x, y = ["L", "R"]
  println(x + y)
  x, y = [y, x]
  println(x + y)
}
