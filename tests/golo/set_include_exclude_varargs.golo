module corpus.SetIncludeExcludeVarargs

function main = |args| {
  let s = set[1]
  s: include(2, 3, 4)
  println(s)
  s: exclude(1, 3)
  println(s)
}
