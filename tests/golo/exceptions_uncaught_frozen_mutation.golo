module corpus.ExceptionsUncaughtFrozenMutation

struct Point = { x, y }

function main = |args| {
  ImmutablePoint(1, 2): x(3)
}
