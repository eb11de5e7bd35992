module corpus.StringHeadAndTail

function main = |args| {
  println("abc": head())
  println("abc": tail())
  println("": head())
  println("a": tail(): isEmpty())
  println("abc": head() oftype Character.class)
}
