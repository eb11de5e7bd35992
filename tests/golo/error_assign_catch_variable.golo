module corpus.ErrorAssignCatchVariable

function main = |args| {
  try {
    raise("x")
  } catch (e) {
    e = null
  }
}
