module corpus.NamedArgumentUnknownNameFails

function fullName = |first, last| -> first + " " + last

function main = |args| {
  println(fullName(first = "Grace", middle = "Brewster"))
}
