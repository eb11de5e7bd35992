module lib.MathUtils

function square = |x| -> x * x

function cube = |x| -> x * square(x)

local function hiddenHelper = |x| -> x
