module corpus.MethodCallSpacing

function main = |args| {
  let l = list[1, 2]
  println(l:size())
  println(l : size())
  println(l:   get(1))
  let nothing = null
  println(nothing ?: size())
  println(nothing?:size())
}
