module corpus.AugmentString

augment java.lang.String {
  function shout = |this| -> this: toUpperCase() + "!"
  function wrap = |this, left, right| -> left + this + right
}

function main = |args| {
  println("hey": shout())
  println("x": wrap("<", ">"))
  let s = "abc"
  println(s: shout(): wrap("[", "]"))
}
