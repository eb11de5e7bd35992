module corpus.StringNumberParsingIsStrict

function attempt = |label, f| {
  try {
    println(label + ": " + f())
  } catch (e) {
    println(label + ": error")
  }
}

function main = |args| {
  attempt("' 12' toInt", -> " 12": toInt())
  attempt("'1_000' toInt", -> "1_000": toInt())
  attempt("'12.5' toInt", -> "12.5": toInt())
  attempt("'+5' toInt", -> "+5": toInt())
  attempt("'-7' toInt", -> "-7": toInt())
  attempt("'1_000' toDouble", -> "1_000": toDouble())
  attempt("'1e3' toDouble", -> "1e3": toDouble())
  attempt("'2.50' toDouble", -> "2.50": toDouble())
}
