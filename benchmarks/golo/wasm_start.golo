# Start-up benchmark: load a guest and call it once (cold or warm compiled-module cache).
module bench.WasmStart

function main = |args| {
  let runner = wasmLoad(args: get(0))
  println(wasmCallString(runner, "echo", "started"))
}
