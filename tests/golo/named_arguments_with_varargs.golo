module corpus.NamedArgumentsWithVarargs

function describe = |label, items...| -> label + ": " + items: length()

function main = |args| {
  println(describe(items = array[1, 2, 3], label = "three"))
  println(describe(label = "none", items = array[]))
}
