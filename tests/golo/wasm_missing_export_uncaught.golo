module corpus.WasmMissingExportUncaught

function main = |args| {
  let runner = wasmLoad("../../guests/hello.wasm")
  println("loaded")
  wasmCallString(runner, "doesNotExist", "x")
}
