module corpus.SourceNotUtf8

function main = |args| {
  println("café")
}
