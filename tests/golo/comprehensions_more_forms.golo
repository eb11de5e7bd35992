module corpus.ComprehensionsMoreForms

function main = |args| {
  let m = map[["a", 1], ["b", 2], ["c", 3]]
  println(list[k foreach k, v in m: entrySet() when v > 1])
  println(map[mapEntry(v, k) foreach k, v in m: entrySet()])
  println(list[list[i * j foreach j in [1..3]] foreach i in [1..2]])
  let offset = 100
  println(vector[x + offset foreach x in [1, 2]])
}
