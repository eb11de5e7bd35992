module corpus.DestructuringSetsAndArrays

struct Account = { owner, _pin, balance }

function main = |args| {
  let a, b = set["x", "y"]
  println(a + b)
  let p, q = array[1, 2]
  println(p + q)
  let owner, balance = Account("ann", 1234, 50)
  println(owner + " " + balance)
  foreach _, v in map[["k", "v"]]: entrySet() {
    println(v)
  }
}
