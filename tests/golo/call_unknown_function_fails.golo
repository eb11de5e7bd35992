module corpus.CallUnknownFunctionFails

function main = |args| {
  doesNotExist(1)
}
