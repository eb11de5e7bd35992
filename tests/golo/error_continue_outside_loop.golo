module corpus.ErrorContinueOutsideLoop

function main = |args| {
  if true {
    continue
  }
}
