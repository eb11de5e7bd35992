module corpus.RangeEmpty

function main = |args| {
  let r = range(5, 1)
  println(r: size())
  println(r: isEmpty())
  foreach i in r {
    println("never")
  }
  println(range(3, 3): isEmpty())
}
