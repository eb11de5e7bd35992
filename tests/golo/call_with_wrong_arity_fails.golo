module corpus.CallWithWrongArityFails

function pair = |a, b| -> [a, b]

function main = |args| {
  pair(1)
}
