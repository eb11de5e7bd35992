module corpus.ErrorMatchWithoutOtherwise

function size = |n| -> match {
  when n < 10 then "small"
  when n < 100 then "medium"
}

function main = |args| {
  println("never printed")
}
