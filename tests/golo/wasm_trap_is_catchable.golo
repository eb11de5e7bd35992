module corpus.WasmTrapIsCatchable

function main = |args| {
  let runner = wasmLoad("../../guests/hostile/trap.wasm")
  try {
    wasmCallString(runner, "run", "x")
    println("no trap?")
  } catch (e) {
    println("trapped")
  }
  println(wasmCallString(runner, "ok", "again"))
  wasmClose(runner)
}
