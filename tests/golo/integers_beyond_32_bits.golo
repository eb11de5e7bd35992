module corpus.IntegersBeyond32Bits

function main = |args| {
  println(3000000000)
  println(3000000000 + 1)
  println(123456789012345678901234567890)
  println(-9_223_372_036_854_775_808_L)
}
