module corpus.FunctionReturnFromLoop

function firstNegative = |numbers| {
  foreach n in numbers {
    if n < 0 {
      return n
    }
  }
  return null
}

function main = |args| {
  println(firstNegative(list[3, -1, -2]))
  println(firstNegative(list[1, 2]))
}
