module corpus.VectorBasics

function main = |args| {
  let v = vector[]
  v: add("a")
  v: add("b")
  v: set(1, "B")
  println(v)
  println(v: size())
  println(v: get(0))
  println(v == list["a", "B"])
  println(v: removeAt(0))
  println(v)
}
