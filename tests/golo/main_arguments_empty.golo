module corpus.MainArgumentsEmpty

function main = |args| {
  println(args: length())
  println(args: isEmpty())
}
