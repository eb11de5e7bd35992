module corpus.ErrorCompileErrorStopsEverything

let SIDE_EFFECT = announce()

function announce = {
  println("module state initialised")
  return 1
}

function main = |args| {
  println("main started")
  helper()
}

function helper = {
  let fixed = 1
  fixed = 2
}
