module corpus.MultilineStringKeepsEverything

function main = |args| {
  let text = """# not a comment
  "quoted" and 'single'
\t stays two characters"""
  println(text)
  println(text: split("\n"): length())
}
