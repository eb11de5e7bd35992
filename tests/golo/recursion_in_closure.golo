module corpus.RecursionInClosure

function main = |args| {
  let depth = |n| -> match {
    when n == 0 then 0
    otherwise 1 + depth(n - 1)
  }
  println(depth(300))
}
