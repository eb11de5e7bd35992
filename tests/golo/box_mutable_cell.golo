module corpus.BoxMutableCell

function main = |args| {
  let b = box("a")
  println(b: get())
  b: set("b")
  println(b: get())
  println(b: getAndSet("c"))
  println(b: get())
}
