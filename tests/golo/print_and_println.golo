module corpus.PrintAndPrintln

function main = |args| {
  print("a")
  print(1)
  print(null)
  println("b")
  println("")
  println("end")
}
