module corpus.SourceWithCrlfLineEndings

# a comment line
function main = |args| {
  let s = "a"
  println(s + "b")
  if s == "a" {
    println("crlf ok")
  }
}
