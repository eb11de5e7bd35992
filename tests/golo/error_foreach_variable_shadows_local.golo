module corpus.ErrorForeachVariableShadowsLocal

function main = |args| {
  let i = 0
  foreach i in range(0, 3) {
    println(i)
  }
}
