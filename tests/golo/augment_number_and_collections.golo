module corpus.AugmentNumberAndCollections

augment java.lang.Number {
  function doubled = |this| -> this * 2
}

augment java.util.List {
  function second = |this| -> this: get(1)
}

augment gololang.Tuple {
  function second = |this| -> this: get(1)
}

augment java.util.Map {
  function keyCount = |this| -> this: size()
}

function main = |args| {
  println(21: doubled())
  println(1.5: doubled())
  println(list[1, 2]: second())
  println(vector["a", "b"]: second())
  println([7, 8]: second())
  println(map[["a", 1]]: keyCount())
}
