module corpus.IfConditionNotBoolean

function main = |args| {
  println("before")
  let one = 1
  if one {
    println("inside")
  }
  println("after")
}
