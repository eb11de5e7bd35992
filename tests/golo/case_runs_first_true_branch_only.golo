module corpus.CaseRunsFirstTrueBranchOnly

function main = |args| {
  let n = 5
  case {
    when n > 1 {
      println("greater than 1")
    }
    when n > 2 {
      println("greater than 2")
    }
    otherwise {
      println("small")
    }
  }
  case {
    when n > 100 {
      println("huge")
    }
    otherwise {
      println("otherwise")
    }
  }
}
