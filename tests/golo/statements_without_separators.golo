module corpus.StatementsWithoutSeparators

function main = |args| {
  let a = 1 let b = 2 println(a + b)
  var c = 0 c = c + 5 println(c)
}
