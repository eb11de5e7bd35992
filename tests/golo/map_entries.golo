module corpus.MapEntries

function main = |args| {
  let e = mapEntry("k", 1)
  println(e: getKey())
  println(e: getValue())
  println(e: key())
  println(e: value())
  e: setValue(99)
  println(e: value())
  println(e)
}
