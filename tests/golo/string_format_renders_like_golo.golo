module corpus.StringFormatRendersLikeGolo

function main = |args| {
  println("%s": format(1.0e10))
  println("%s": format(true))
  println("%s": format(null))
  println("%s": format(list[1.5, 'c']))
  println("%s|%s": format([1], map[["k", false]]))
  println(list[1.0e10, true]: join(" "))
  println(1.0e10: toString())
  println(true: toString())
}
