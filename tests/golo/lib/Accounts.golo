module lib.Accounts

struct Account = { owner, _pin }

function makeAccount = |owner, pin| -> Account(owner, pin)

function checkPin = |account, pin| -> account: _pin() == pin
