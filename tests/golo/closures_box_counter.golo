module corpus.ClosuresBoxCounter

function main = |args| {
  let cell = box(0)
  let inc = { cell: set(cell: get() + 1) }
  inc()
  inc()
  println(cell: get())
  println(cell: getAndSet(100))
  println(cell: get())
}
