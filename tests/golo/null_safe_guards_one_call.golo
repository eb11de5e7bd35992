module corpus.NullSafeGuardsOneCall

function main = |args| {
  let nothing = null
  try {
    println(nothing?: foo(): bar())
  } catch (e) {
    println("second call failed")
  }
}
