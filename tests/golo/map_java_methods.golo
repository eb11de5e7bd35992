module corpus.MapJavaMethods

function main = |args| {
  let m = map[["a", 1]]
  m: put("b", 2)
  println(m)
  println(m: size())
  println(m: get("a"))
  println(m: get("zzz"))
  println(m: containsKey("b"))
  println(m: containsValue(3))
  m: remove("a")
  println(m)
  m: putAll(map[["c", 3], ["d", 4]])
  println(m)
  println(m: keySet())
  println(m: values())
  println(m: entrySet())
  m: clear()
  println(m: isEmpty())
}
