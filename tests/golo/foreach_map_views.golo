module corpus.ForeachMapViews

function main = |args| {
  let m = map[["x", 1], ["y", 2]]
  foreach k in m: keySet() { print(k) }
  foreach v in m: values() { print(v) }
  foreach e in m: entrySet() { print(e: getKey() + "=" + e: getValue() + ";") }
  println("")
}
