module corpus.MatchExpression

function sizeOf = |n| -> match {
  when n < 10 then "small"
  when n < 100 then "medium"
  otherwise "large"
}

function main = |args| {
  println(sizeOf(1))
  println(sizeOf(50))
  println(sizeOf(500))
  let parity = match { when 3 % 2 == 0 then "even" otherwise "odd" }
  println(parity)
  let layout = match {
    when false
      then 1
    otherwise
      2
  }
  println(layout)
}
