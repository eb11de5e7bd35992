module lib.First

function who = -> "first"
