module examples.wasm.StringExample

function main = |args| {

  # Load the WASM module (TinyGo compiled)
  let runner = wasmLoad("../guests/hello.wasm")

  # Check if the 'hello' function exists
  if wasmHasFunction(runner, "hello") {
    println("✓ Function 'hello' found in module")

    # Call the hello function with different names
    let names = ["🌸 Alice", "🤗 Bob", "🥸 Charlie", "🤓 GoloScript User"]

    foreach name in names {
      let result = wasmCallString(runner, "hello", name)
      println("  → " + result)
    }
  } else {
    println("✗ Function 'hello' not found")
  }
}
