module corpus.ExceptionsUncaughtBuiltinFailure

function main = |args| {
  println("start")
  let t = [1, 2]
  println(t: get(5))
}
