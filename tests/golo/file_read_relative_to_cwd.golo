module corpus.FileReadRelativeToCwd

function main = |args| {
  println(fileExists("data/words.txt"))
  println(fileExists("data/missing.txt"))
  let text = fileToText("data/words.txt", "UTF-8")
  let lines = text: split("\n")
  println(lines: length())
  println(lines: get(0))
}
