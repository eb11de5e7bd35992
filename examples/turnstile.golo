# A state machine: a coin-operated turnstile driven by a transition table.
module examples.Turnstile

struct Turnstile = { state, coins, alarms, refunds }

let TRANSITIONS = map[["locked:coin", ["unlocked", "thank you"]],
  ["locked:push", ["locked", "alarm!"]],
  ["unlocked:push", ["locked", "welcome"]],
  ["unlocked:coin", ["unlocked", "refund"]]]

augment Turnstile {
  function fire = |this, event| {
    let key = this: state() + ":" + event
    let target, message = TRANSITIONS: get(key)
    case {
      when message == "thank you" { this: coins(this: coins() + 1) }
      when message == "alarm!" { this: alarms(this: alarms() + 1) }
      when message == "refund" { this: refunds(this: refunds() + 1) }
      otherwise {}
    }
    println(this: state() + " --" + event + "--> " + target + " (" + message + ")")
    return this: state(target)
  }
}

function main = |args| {
  let gate = Turnstile("locked", 0, 0, 0)
  foreach event in list["push", "coin", "push", "coin", "coin", "push", "push"] {
    gate: fire(event)
  }
  println(gate)
  try {
    gate: fire("kick")
  } catch (e) {
    println("no transition for kick")
  }
  println("final state: " + gate: state())
}
