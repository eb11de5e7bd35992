module corpus.WasmCallString

function main = |args| {
  let runner = wasmLoad("../../guests/hello.wasm")
  println(wasmHasFunction(runner, "hello"))
  println(wasmHasFunction(runner, "doesNotExist"))
  println(wasmCallString(runner, "hello", "Bob Morane"))
  println(wasmCallString(runner, "hello", ""))
  println(wasmCallString(runner, "hello", "🌸 Alice"))
  wasmClose(runner)
}
