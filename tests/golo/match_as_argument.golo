module corpus.MatchAsArgument

function main = |args| {
  let n = 4
  println(match { when n % 2 == 0 then "even" otherwise "odd" })
  println("n is " + match {
    when n > 3 then "big"
    otherwise "small"
  })
}
