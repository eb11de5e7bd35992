module corpus.OrIfNull

function noisy = {
  println("noisy evaluated")
  return "noisy"
}

function main = |args| {
  println(null orIfNull "x")
  println("a" orIfNull "b")
  println(null orIfNull null orIfNull "third")
  println("value" orIfNull noisy())
  println(null orIfNull noisy())
  println(null orIfNull false or true)
  println(false orIfNull true)
  let m = map[["k", 1]]
  println(m: get("missing") orIfNull 0)
}
