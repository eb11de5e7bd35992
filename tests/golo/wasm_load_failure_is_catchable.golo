module corpus.WasmLoadFailureIsCatchable

function main = |args| {
  try {
    wasmLoad("../../guests/no-such-guest.wasm")
    println("loaded?")
  } catch (e) {
    println("load failed")
  }
  try {
    wasmLoad("../../guests/hostile/not_wasm.wasm")
    println("loaded?")
  } catch (e) {
    println("not wasm")
  }
}
