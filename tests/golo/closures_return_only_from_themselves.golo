module corpus.ClosuresReturnOnlyFromThemselves

function main = |args| {
  list[1, 2, 3]: each(|x| {
    if x == 2 {
      return null
    }
    println(x)
  })
  println("after each")
}
