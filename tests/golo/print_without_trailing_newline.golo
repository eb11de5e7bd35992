module corpus.PrintWithoutTrailingNewline

function main = |args| {
  println("first line")
  print("no newline at the end")
}
