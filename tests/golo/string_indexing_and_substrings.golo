module corpus.StringIndexingAndSubstrings

function main = |args| {
  let s = "abcabc"
  println(s: charAt(1))
  println(s: charAt(0) == 'a')
  println(s: charAt(0) + 1)
  println(s: substring(2))
  println(s: substring(1, 4))
  println(s: indexOf("c"))
  println(s: lastIndexOf("c"))
  println(s: indexOf("z"))
}
