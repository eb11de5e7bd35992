module corpus.OverloadsAndLookalikeNames

function f = |a| -> "f/1"
function f = |a, b| -> "f/2"
function f_1 = |a| -> "f_1"
function f__1 = |a| -> "f__1"
function f_2 = |a, b| -> "f_2"
function f1 = |a| -> "f1"
function _f_1 = |a| -> "_f_1"
function f$1 = |a| -> "f$1"

function main = |args| {
  println(f(0))
  println(f(0, 0))
  println(f_1(0))
  println(f__1(0))
  println(f_2(0, 0))
  println(f1(0))
  println(_f_1(0))
  println(f$1(0))
}
