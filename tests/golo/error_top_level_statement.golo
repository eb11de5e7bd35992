module corpus.ErrorTopLevelStatement

println("free-standing statements are not allowed")

function main = |args| {
  println("never printed")
}
