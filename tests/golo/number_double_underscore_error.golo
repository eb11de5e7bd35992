module corpus.NumberDoubleUnderscoreError

function main = |args| {
  println("never printed")
  let n = 4__2
}
