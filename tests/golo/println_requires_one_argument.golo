module corpus.PrintlnRequiresOneArgument

function main = |args| {
  println()
}
