module corpus.ErrorAssignForeachVariable

function main = |args| {
  foreach item in list[1, 2] {
    item = 3
  }
}
