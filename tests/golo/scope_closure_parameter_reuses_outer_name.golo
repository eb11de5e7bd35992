module corpus.ScopeClosureParameterReusesOuterName

function main = |args| {
  let fixed = 10
  let f = |fixed| -> fixed * 100
  println(f(2))
  println(fixed)
}
