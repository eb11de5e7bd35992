module corpus.ErrorAssignmentIsNotAnExpression

function main = |args| {
  var x = 1
  println("never printed")
  let y = (x = 2)
}
