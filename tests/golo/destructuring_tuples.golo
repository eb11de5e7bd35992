module corpus.DestructuringTuples

function divmod = |a, b| -> [a / b, a % b]

function main = |args| {
  let a, b = [1, 2]
  println(a + b)
  let q, r = divmod(17, 5)
  println(q + " " + r)
  let x, y, z = list["x", "y", "z"]
  println(z + y + x)
  let v1, v2 = vector[10, 20]
  println(v1 * v2)
}
