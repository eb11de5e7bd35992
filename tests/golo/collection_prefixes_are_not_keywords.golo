module corpus.CollectionPrefixesAreNotKeywords

function main = |args| {
  let list = "a variable named list"
  let map = 2
  println(list)
  println(map * 2)
  println(list[1, 2])
  println(vector[1]: map(|x| -> x + map))
}
