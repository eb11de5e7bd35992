module corpus.AugmentationsNamedOrder

augmentation First = {
  function who = |this| -> "first"
}

augmentation Second = {
  function who = |this| -> "second"
  function extra = |this| -> "extra from second"
}

augment java.lang.String with First, Second

function main = |args| {
  println("x": who())
  println("x": extra())
}
