module corpus.MainArguments

function main = |args| {
  println(args: length())
  println(args: size())
  println(args: get(0))
  foreach a in args {
    println("arg: " + a)
  }
}
