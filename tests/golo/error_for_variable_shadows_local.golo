module corpus.ErrorForVariableShadowsLocal

function main = |args| {
  var k = 10
  for (var k = 0, k < 3, k = k + 1) {
    println(k)
  }
}
