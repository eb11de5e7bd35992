module corpus.StructFactoryWrongArityFails

struct Point = { x, y }

function main = |args| {
  Point(1, 2, 3)
}
