module corpus.UnicodeIdentifiers

function größe = |x| -> x * 2

function main = |args| {
  let π = 3
  let 数 = 7
  let $x = 1
  let _tmp = 2
  let λ = |n| -> n + π
  println(π + 数)
  println($x + _tmp)
  println(größe(数))
  println(λ(1))
}
