module corpus.AugmentWithDunderNames

augment java.lang.String {
  function __init__ = |this| -> "augmented __init__"
  function __len__ = |this| -> "augmented __len__"
  function upper = |this| -> "augmented upper"
}

function main = |args| {
  println("x": __init__())
  println("x": __len__())
  println("x": upper())
}
