# Start-up benchmark: the smallest script, no wasm.
module bench.Hello

function main = |args| {
  println("Hello, start-up!")
}
