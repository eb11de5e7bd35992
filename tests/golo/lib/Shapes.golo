module lib.Shapes

struct Point = { x, y }

var counter = 0

function unitCount = {
  counter = counter + 1
  return counter
}
