module corpus.NamedArguments

function fullName = |first, last| -> first + " " + last

function main = |args| {
  println(fullName(last = "Hopper", first = "Grace"))
  println(fullName(first = "Ada", last = "Lovelace"))
  let minus = |a, b| -> a - b
  println(minus(b = 1, a = 10))
}
