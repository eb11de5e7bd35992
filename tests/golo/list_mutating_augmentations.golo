module corpus.ListMutatingAugmentations

function main = |args| {
  let l = list[2]
  println(l: append(3) is l)
  l: append(4, 5)
  l: prepend(1)
  l: insert(0, 0)
  println(l)
  println(l: removeAt(1))
  println(l)
  println(removeByIndex(l, 0))
  println(l)
}
