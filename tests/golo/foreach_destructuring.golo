module corpus.ForeachDestructuring

function main = |args| {
  foreach a, b in list[[1, 2], [3, 4]] {
    println(a + b)
  }
  let ages = map[["ann", 31], ["bob", 42]]
  foreach name, age in ages: entrySet() {
    println(name + " is " + age)
  }
  foreach first, rest... in list[[1, 2, 3], [4]] {
    println(first + " " + rest)
  }
}
