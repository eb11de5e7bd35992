module corpus.ScopeSiblingBlocksReuseNames

function main = |args| {
  if true {
    let t = "then"
    println(t)
  } else {
    let t = "else"
    println(t)
  }
  foreach x in list[1, 2] {
    print(x)
  }
  foreach x in list[3, 4] {
    print(x)
  }
  println("")
  for (var k = 0, k < 2, k = k + 1) {
    print(k)
  }
  for (var k = 5, k < 7, k = k + 1) {
    print(k)
  }
  println("")
}
