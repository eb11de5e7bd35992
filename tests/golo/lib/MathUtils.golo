module lib.MathUtils

function square = |x| -> x * x

function cube = |x| -> x * square(x)

local function hiddenHelper = |x| -> x

function viaHelper = |x| -> hiddenHelper(x) + 1
