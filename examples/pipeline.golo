# A collections pipeline over a list of orders: map, filter, reduce, join, comprehensions.
module examples.Pipeline

struct Order = { customer, item, quantity, price }

function amount = |o| -> o: quantity() * o: price()

function main = |args| {
  let orders = list[Order("ann", "book", 2, 12),
    Order("bob", "pen", 10, 1),
    Order("ann", "lamp", 1, 30),
    Order("cid", "book", 1, 12),
    Order("bob", "book", 3, 12)]

  let totals = map[]
  foreach o in orders {
    totals: put(o: customer(), totals: getOrElse(o: customer(), 0) + amount(o))
  }
  println(totals)

  let big = orders
    : filter(|o| -> amount(o) >= 20)
    : map(|o| -> o: customer() + ":" + o: item())
  println(big)

  println(orders: map(|o| -> o: item()): reduce(set[], |s, i| -> s: include(i)))
  println(orders: map(|o| -> o: quantity()): reduce(0, |a, b| -> a + b))
  println(orders: count(|o| -> o: item() == "book"))
  println(orders: map(|o| -> o: customer()): join(","))
  println(list[o: item() foreach o in orders when o: customer() == "bob"])
  println(set[o: customer() foreach o in orders])

  let best = totals: reduce(null, |acc, k, v| -> match {
    when acc is null or v > totals: get(acc) then k
    otherwise acc
  })
  println("best customer: " + best)
  println(orders: find(|o| -> o: price() > 100) orIfNull "no expensive order")
}
