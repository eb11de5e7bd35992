module corpus.NullSafeMethodCall

struct Person = { name, address }
struct Address = { city }

function main = |args| {
  let s = null
  println(s?: length())
  println("abc"?: length())
  let p = Person("Ann", null)
  let q = Person("Bob", Address("Lyon"))
  println(p: address()?: city() orIfNull "n/a")
  println(q: address()?: city() orIfNull "n/a")
  println(null?: toString() orIfNull "nothing")
}
