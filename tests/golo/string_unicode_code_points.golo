module corpus.StringUnicodeCodePoints

function main = |args| {
  println("😀": length())
  println("café": length())
  println("日本語": charAt(1))
  println("🌸 Alice": length())
  println("🌸 Alice": substring(2))
  println("naïve": toUpperCase())
}
