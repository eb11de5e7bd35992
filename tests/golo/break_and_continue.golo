module corpus.BreakAndContinue

function main = |args| {
  foreach i in range(0, 10) {
    if i == 2 {
      continue
    }
    if i == 5 {
      break
    }
    print(i)
  }
  println("")
  var n = 0
  while true {
    n = n + 1
    if n > 3 {
      break
    }
  }
  println(n)
}
