module corpus.DestructuringMapEntries

function main = |args| {
  let k, v = mapEntry("key", "value")
  println(k + " -> " + v)
  let m = map[["a", 1]]
  foreach entry in m: entrySet() {
    let key, value = entry
    println(key + value)
  }
}
