module corpus.StructPrivateMembersHiddenFromOtherModules

import lib.Accounts

function main = |args| {
  let acct = makeAccount("ann", 1234)
  println(acct)
  println(acct: owner())
  println(checkPin(acct, 1234))
  try {
    println(acct: _pin())
  } catch (e) {
    println("private member not accessible")
  }
}
