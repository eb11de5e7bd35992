module corpus.RangeBasics

function main = |args| {
  let r = range(1, 5)
  println(r: from())
  println(r: to())
  println(r: increment())
  println(r: size())
  println(r: isEmpty())
  println(r: contains(4))
  println(r: contains(5))
  foreach i in range(3) {
    print(i)
  }
  println("")
}
