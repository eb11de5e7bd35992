----
A module documented with a block.
It can span *several* lines.
----
module corpus.DocBlocks

----
Adds two numbers.
----
function add = |a, b| -> a + b

----
A point.
----
struct Point = { x, y }

function main = |args| {
  println(add(2, 3))
  println(Point(1, 2))
}
