module corpus.CaseStatement

function classify = |obj| {
  case {
    when obj is null {
      return "nothing"
    }
    when obj oftype String.class {
      return "string"
    }
    when obj oftype Integer.class {
      return "integer"
    }
    otherwise {
      return "other"
    }
  }
}

function main = |args| {
  println(classify(null))
  println(classify("s"))
  println(classify(3))
  println(classify(list[]))
}
