module corpus.AugmentNamedBeatsStandard

augmentation CustomJoin = {
  function join = |this, separator| -> "joined by named augmentation"
}

augment java.util.List with CustomJoin

function main = |args| {
  println(list[1, 2]: join("-"))
  println(vector[1, 2]: join("-"))
  println([1, 2]: join("-"))
}
