module corpus.ImportLocalFunctionIsPrivate

import lib.MathUtils

function main = |args| {
  hiddenHelper(1)
}
