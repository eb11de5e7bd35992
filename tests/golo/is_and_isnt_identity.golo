module corpus.IsAndIsntIdentity

function main = |args| {
  let l = list[1]
  let m = l
  let other = list[1]
  println(l is m)
  println(l is other)
  println(l == other)
  println(l isnt other)
  let nothing = null
  println(nothing is null)
  println(l isnt null)
  println(l is null)
}
