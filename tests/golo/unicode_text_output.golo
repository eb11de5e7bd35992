module corpus.UnicodeTextOutput

function main = |args| {
  println("✓ done")
  println("➡️ next")
  println("🎉 tada!")
  println("日本語 Ελληνικά")
  println('\u00e9' + "t\u00e9")
}
