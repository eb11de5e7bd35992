# leading comment before the module header
module corpus.CommentsEverywhere # trailing comment

# comment between declarations
function main = |args| { # after a brace
  # a full-line comment
  let x = 1 # after a statement
  println(x # inside a call
  )
  println("# not a comment")
}
# final comment
