# Closures: private state, capture by value, closures made in loops.
module examples.Counters

function makeCounter = |start, step| {
  let state = box(start)
  return {
    let current = state: get()
    state: set(current + step)
    return current
  }
}

function makeAccumulator = {
  let history = list[]
  return |value| {
    history: add(value)
    return history: reduce(0, |a, b| -> a + b)
  }
}

function main = |args| {
  let byOne = makeCounter(0, 1)
  let byTen = makeCounter(100, 10)
  println(byOne())
  println(byOne())
  println(byTen())
  println(byOne())
  println(byTen())

  let acc = makeAccumulator()
  foreach v in list[5, 10, 20] {
    println("running total: " + acc(v))
  }

  # each iteration has its own `name`
  let greeters = list[]
  foreach name in list["Ann", "Bob", "Cid"] {
    greeters: add(-> "hi " + name)
  }
  println(greeters: map(|g| -> g()): join(", "))

  # captured locals are copied when the closure is made
  var level = "low"
  let report = -> "level was " + level
  level = "high"
  println(report())
  println("level is " + level)
}
