module corpus.WasmClosedRunnerRejectsCalls

function main = |args| {
  let runner = wasmLoad("../../guests/hello.wasm")
  println(wasmCallString(runner, "hello", "open"))
  wasmClose(runner)
  try {
    wasmCallString(runner, "hello", "closed")
    println("still open?")
  } catch (e) {
    println("closed")
  }
}
