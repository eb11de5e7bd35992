module examples.wasm.HostFunction

function main = |args| {

  # Load the WASM module
  let runner = wasmLoad("../guests/host.wasm")

  # Create a handler function that will be called from WASM
  let myHandler = |input| {
    println("🔵 [HOST] receives: " + input)
    return "🎉 tada!"
  }

  # Register the handler (always uses "default" as the handler name)
  wasmRegisterStringHandler(runner, myHandler)

  # Call the WASM function that will call our handler

  foreach n in [1..3] {
    println("➡️ Calling WASM function (iteration " + str(n) + ")...")
    let response = wasmCallString(runner, "processWithHost", "Hello from GoloScript! (iteration " + str(n) + ")")
    println("🟣 [HOST] got response from WASM: " + response)
  }

  # Clean up
  wasmClose(runner)
}
