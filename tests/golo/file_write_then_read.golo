module corpus.FileWriteThenRead

function main = |args| {
  let path = "/tmp/golo-fast-corpus-file-write-then-read.txt"
  textToFile("written by golo\nsecond line", path)
  println(fileExists(path))
  let back = fileToText(path, "UTF-8")
  println(back: split("\n"): get(1))
}
