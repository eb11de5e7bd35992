# Guests as other toolchains build them (issue 6): the packed-return ABI, where a function
# (ptr, len) -> i64 returns ptr << 32 | len of a block the host frees, and a string host
# import, env.log(ptr, len), answered by a Golo closure. No glue: golo-fast sees at load
# which protocol each export follows and binds each import to its registered closure.
module examples.wasm.RealGuests

function main = |args| {

  # logger.wasm (C, packed ABI with malloc/free): greet() calls env.log, then returns packed
  let runner = wasmLoad("../guests/logger.wasm")

  # Calling it before any env.log handler is registered: a clear error, and the runner lives on
  try {
    wasmCallString(runner, "greet", "nobody")
  } catch (e) {
    println("⚠️ " + e: getMessage())
  }

  # Registering after wasmLoad works: the import finds its closure when the guest calls it
  let logged = list[]
  wasmRegisterHostFunction(runner, "env", "log", |message| {
    logged: add(message)
    println("📝 [env.log] " + message)
  })

  foreach name in ["🌸 Alice", "🤗 Bob", "🥸 Charlie"] {
    println("🟣 " + wasmCallString(runner, "greet", name))
  }
  println("the guest logged " + logged: size() + " times")
  wasmClose(runner)

  # The same ABI with the Rust-style allocator pair allocate/deallocate, and an
  # AssemblyScript guest (allocate/deallocate, env.log) built by asc
  let rusty = wasmLoad("../guests/packed_alloc.wasm")
  println("🦀 " + wasmCallString(rusty, "greet", "allocate/deallocate"))
  wasmClose(rusty)

  let as = wasmLoad("../guests/as_greet.wasm")
  wasmRegisterHostFunction(as, "env", "log", |message| -> println("📝 [AS env.log] " + message))
  println("🅰️ " + wasmCallString(as, "greet", "AssemblyScript"))
  wasmClose(as)
}
