function main = |args| {
  println("never printed")
}
