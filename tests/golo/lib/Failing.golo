module lib.Failing

function explode = |what| {
  raise("lib failure: " + what)
}
