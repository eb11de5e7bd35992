# The Golo half of the compute benchmarks; compute_cpython.py beside it is the CPython half,
# the same algorithms line for line. Each function returns a value the test checks.
module bench.Compute

struct Point = { x, y }

function fib = |n| -> match {
  when n < 2 then n
  otherwise fib(n - 1) + fib(n - 2)
}

function intLoop = |n| {
  var total = 0
  foreach i in range(0, n) {
    total = total + (i * i) % 7
  }
  return total
}

function stringBuild = |n| {
  var s = ""
  foreach i in range(0, n) {
    s = s + i + ","
  }
  return s: length()
}

function collections = |n| {
  let numbers = list[]
  foreach i in range(0, n) {
    numbers: add(i)
  }
  let squares = map[]
  foreach x in numbers {
    squares: put(x, x * x)
  }
  var total = 0
  foreach e in squares: entrySet() {
    total = total + e: getKey() + e: getValue()
  }
  return total
}

function higherOrder = |n| {
  let numbers = list[]
  foreach i in range(0, n) {
    numbers: add(i)
  }
  let k = 3
  let scaled = numbers: map(|x| -> x * k): filter(|x| -> x % 2 == 0)
  return scaled: reduce(0, |acc, x| -> acc + x)
}

function structs = |n| {
  var total = 0
  foreach i in range(0, n) {
    let p = Point(i, i + 1)
    total = total + p: x() * p: y()
  }
  return total
}
