module lib.Broken

function broken = {
  return brokenName
}
