module corpus.StructPrivateMembers

struct Account = { owner, _pin, balance }

function checkPin = |account, pin| -> account: _pin() == pin

function main = |args| {
  let acct = Account("ann", 1234, 50)
  println(acct)
  println(acct: members())
  println(acct: values())
  println(acct: _pin())
  println(checkPin(acct, 1234))
  acct: _pin(9)
  println(checkPin(acct, 9))
}
