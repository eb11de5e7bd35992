module corpus.WasmHostHandler

function main = |args| {
  let runner = wasmLoad("../../guests/host.wasm")
  let calls = list[]
  wasmRegisterStringHandler(runner, |input| {
    calls: add(input)
    return "reply " + calls: size()
  })
  println(wasmCallString(runner, "processWithHost", "one"))
  println(wasmCallString(runner, "processWithHost", "two"))
  println(calls: size())
  println(calls: get(1))
  wasmClose(runner)
}
