module corpus.DestructuringPlaceholder

function main = |args| {
  let one, _, three = [1, 2, 3]
  println(one + three)
  let _, second, _ = list["a", "b", "c"]
  println(second)
}
