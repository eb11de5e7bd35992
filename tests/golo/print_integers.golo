module corpus.PrintIntegers

function main = |args| {
  println(42)
  println(-17)
  println(0)
  println(1_000_000)
  println(007)
  println(123_L)
  println(9_000_000_000_L)
}
