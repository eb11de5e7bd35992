module examples.pytest.TestGuest

# Tests of the hello guest, written in Golo. pytest collects every public function whose
# name starts with `test` and that takes no parameter. While these tests run, the working
# directory is this file's folder, so the guest path below is relative to it.

let GUEST = "../../guests/hello.wasm"

function greet = |name| {
  let runner = wasmLoad(GUEST)
  try {
    return wasmCallString(runner, "hello", name)
  } finally {
    wasmClose(runner)
  }
}

function test_guest_exports_hello = {
  let runner = wasmLoad(GUEST)
  try {
    require(wasmHasFunction(runner, "hello"), "the guest exports `hello`")
    require(not wasmHasFunction(runner, "goodbye"), "the guest has no `goodbye`")
  } finally {
    wasmClose(runner)
  }
}

function test_hello_greets_by_name = {
  let greeting = greet("Bob")
  require(greeting == "Hello, Bob!!!", "unexpected greeting: " + greeting)
}

function test_hello_keeps_emoji_and_accents = {
  foreach name in ["🤗 Bob", "Zoë", ""] {
    let greeting = greet(name)
    require(greeting == "Hello, " + name + "!!!", "unexpected greeting: " + greeting)
  }
}

function test_closed_runner_refuses_calls = {
  let runner = wasmLoad(GUEST)
  wasmClose(runner)
  var refused = false
  try {
    wasmCallString(runner, "hello", "Bob")
  } catch (e) {
    refused = true
  }
  require(refused, "a call on a closed runner must fail")
}
