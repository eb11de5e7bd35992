module corpus.VarargsArraySpreadAfterFixed

function describe = |label, rest...| -> label + " " + rest: length()

function main = |args| {
  println(describe("spread", array[1, 2, 3]))
  println(describe("two", array[1, 2], 3))
  println(describe("none"))
}
