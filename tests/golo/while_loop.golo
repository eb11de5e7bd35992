module corpus.WhileLoop

function main = |args| {
  var i = 0
  var acc = ""
  while i < 5 {
    acc = acc + i
    i = i + 1
  }
  println(acc)
  while false {
    println("never")
  }
  println(i)
}
