module corpus.AugmentMostSpecificTypeWins

augment java.lang.Object {
  function kind = |this| -> "object"
}

augment java.lang.CharSequence {
  function kind = |this| -> "char sequence"
}

augment java.lang.String {
  function kind = |this| -> "string"
}

augment java.util.Collection {
  function family = |this| -> "collection"
}

augment java.util.List {
  function family = |this| -> "list"
}

function main = |args| {
  println("x": kind())
  println(1: kind())
  println(list[]: kind())
  println(list[]: family())
  println(set[]: family())
}
