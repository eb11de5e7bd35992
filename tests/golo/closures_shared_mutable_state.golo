module corpus.ClosuresSharedMutableState

function makeCounter = {
  let state = list[0]
  return {
    state: set(0, state: get(0) + 1)
    return state: get(0)
  }
}

function main = |args| {
  let a = makeCounter()
  let b = makeCounter()
  println(a())
  println(a())
  println(a())
  println(b())
}
