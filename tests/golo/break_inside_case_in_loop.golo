module corpus.BreakInsideCaseInLoop

function main = |args| {
  foreach i in range(0, 10) {
    case {
      when i == 1 {
        continue
      }
      when i == 3 {
        break
      }
      otherwise {
        println(i)
      }
    }
  }
  println("done")
}
