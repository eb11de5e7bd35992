module corpus.EqualityNumbers

function main = |args| {
  println(1 == 1_L)
  println(1 == 1.0)
  println(2 != 3)
  println(2 == 3)
  println(null == null)
  println(null == 0)
  println(0.5 == 0.5)
}
