module corpus.ConsoleReadln

function main = |args| {
  let name = readln()
  println("hello " + name)
  let age = readln("age? ")
  println(age: toInt() + 1)
}
