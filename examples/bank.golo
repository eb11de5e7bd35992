# Exceptions: raise, require, try/catch/finally, rethrow, dispatch on the kind.
module examples.Bank

struct Account = { owner, balance }

function withdraw = |account, amount| {
  require(amount > 0, "amount must be positive")
  if amount > account: balance() {
    raise("insufficient funds for " + account: owner() + ": balance "
      + account: balance() + ", asked " + amount)
  }
  account: balance(account: balance() - amount)
  return account: balance()
}

function transfer = |from, to, amount| {
  try {
    withdraw(from, amount)
    to: balance(to: balance() + amount)
    return "ok"
  } catch (e) {
    return "failed: " + e: getMessage()
  } finally {
    println("audit: transfer of " + amount + " from " + from: owner() + " to " + to: owner())
  }
}

function parseAmount = |text| {
  try {
    return text: toInt()
  } catch (e) {
    throw IllegalArgumentException("not an amount: " + text)
  }
}

function main = |args| {
  let ann = Account("ann", 100)
  let bob = Account("bob", 20)
  println(transfer(ann, bob, 30))
  println(transfer(bob, ann, 500))
  println(transfer(ann, bob, -5))
  println(ann)
  println(bob)

  foreach text in list["15", "lots"] {
    try {
      println("parsed " + parseAmount(text))
    } catch (e) {
      case {
        when e oftype IllegalArgumentException.class {
          println("rejected: " + e: getMessage())
        }
        otherwise {
          throw e
        }
      }
    }
  }

  try {
    println(10 / (ann: balance() - 70))
  } catch (e) {
    println("arithmetic: " + e: getMessage())
  }
}
