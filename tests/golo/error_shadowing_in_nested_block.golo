module corpus.ErrorShadowingInNestedBlock

function main = |args| {
  let x = 1
  if true {
    let x = 2
    println(x)
  }
}
