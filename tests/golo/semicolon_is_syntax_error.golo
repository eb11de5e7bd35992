module corpus.SemicolonIsSyntaxError

function main = |args| {
  println("never printed")
  let a = 1;
}
