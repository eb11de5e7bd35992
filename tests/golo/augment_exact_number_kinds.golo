module corpus.AugmentExactNumberKinds

augment java.lang.Integer {
  function kindName = |this| -> "integer"
}

augment java.lang.Double {
  function kindName = |this| -> "double"
}

augment java.lang.Boolean {
  function yesNo = |this| -> match {
    when this then "yes"
    otherwise "no"
  }
}

augment java.lang.Character {
  function code = |this| -> this + 0
}

function main = |args| {
  println(1: kindName())
  println(1.5: kindName())
  println(true: yesNo())
  println(false: yesNo())
  println('a': code())
}
