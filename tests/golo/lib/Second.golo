module lib.Second

function who = -> "second"

function onlyInSecond = -> "only in second"
