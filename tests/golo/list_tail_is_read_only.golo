module corpus.ListTailIsReadOnly

function main = |args| {
  let l = list[1, 2, 3]
  let rest = l: tail()
  println(rest)
  try {
    rest: add(4)
    println("modified?")
  } catch (e) {
    println("tail is read-only")
  }
  println(l)
}
