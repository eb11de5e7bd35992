module corpus.EvaluationOrderLeftToRight

function loud = |v| {
  print(v + " ")
  return v
}

function pair = |a, b| -> [a, b]

function main = |args| {
  let sum = loud(1) + loud(2) * loud(3)
  println("= " + sum)
  let p = pair(loud("a"), loud("b"))
  println("= " + p)
  let l = list[loud(4), loud(5)]
  println("= " + l)
  let chosen = match {
    when loud(false) then loud("first")
    when loud(true) then loud("second")
    otherwise loud("third")
  }
  println("= " + chosen)
}
