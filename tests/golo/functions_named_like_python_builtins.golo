module corpus.FunctionsNamedLikePythonBuiltins

struct Point = { x, y }

function len = |x| -> "golo len"
function int = -> 7
function type = |x| -> "golo type"
function isinstance = |a, b| -> "golo isinstance"
function dict = -> "golo dict"
function iter = |x| -> "golo iter"
function next = |x| -> "golo next"
function repr = |x| -> "golo repr"
function getattr = |a, b| -> "golo getattr"
function object = -> "golo object"

function main = |args| {
  println(len(1) + " " + int() + " " + type(1) + " " + isinstance(1, 2))
  println(dict() + " " + iter(1) + " " + next(1) + " " + repr(1) + " " + getattr(1, 2))
  println(object())
  let m = map[["a", 1]]
  var total = 0
  foreach k, v in m: entrySet() {
    total = total + v
  }
  foreach i in range(0, 3) {
    total = total + i
  }
  println(total)
  println(list[1, 2]: map(|x| -> x * 2))
  println(Point(1, 2))
  println([1, 2] == [1, 2])
  println(1 oftype Integer.class)
  try {
    raise("still works")
  } catch (e) {
    println(e: getMessage())
  }
}
