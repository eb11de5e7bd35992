module corpus.LocalFunction

local function helper = |x| -> x + 1

function main = |args| {
  println(helper(41))
}
