# The Golo side of the wasm loop benchmarks: wasmCallString and a handler from Golo, N times.
module bench.Loop

function callLoop = |runner, n, text| {
  var last = null
  foreach i in range(0, n) {
    last = wasmCallString(runner, "echo", text)
  }
  return last
}

function handlerLoop = |runner, n, text| {
  wasmRegisterStringHandler(runner, |message| -> "ok")
  var last = null
  foreach i in range(0, n) {
    last = wasmCallString(runner, "processWithHost", text)
  }
  return last
}
