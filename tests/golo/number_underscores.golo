module corpus.NumberUnderscores

function main = |args| {
  println(1_000 + 1)
  println(1_2_3)
  println(1_000_L)
}
