# Decorators: logging, memoisation (recursive calls go through the decorated function), stacking.
module examples.Decorators

function logged = |label| -> |fn| -> |args...| {
  println("> " + label + " called with " + args: asList())
  let result = fn: invoke(args)
  println("< " + label + " returned " + result)
  return result
}

function memoized = |fn| {
  let cache = map[]
  return |n| {
    if not cache: containsKey(n) {
      cache: put(n, fn(n))
    }
    return cache: get(n)
  }
}

function exclaim = |fn| -> |args...| -> fn: invoke(args) + "!"

function upper = |fn| -> |args...| -> fn: invoke(args): toUpperCase()

var calls = 0

@memoized
function fib = |n| {
  calls = calls + 1
  if n < 2 {
    return n
  }
  return fib(n - 1) + fib(n - 2)
}

@logged("add")
function add = |a, b| -> a + b

@exclaim
@upper
function greet = |name| -> "hello " + name

function main = |args| {
  println(add(2, 3))
  println(greet("golo"))
  println(fib(30))
  println("fib body ran " + calls + " times")
  println(fib(30))
  println("fib body ran " + calls + " times")
  let shout = upper(|s| -> s)
  println(shout("by hand"))
}
