module corpus.AugmentRedefinesStandardAugmentation

augment java.util.List {
  function join = |this, separator| -> "custom join"
}

function main = |args| {
  println(list[1, 2]: join(", "))
  println([1, 2]: join(", "))
}
