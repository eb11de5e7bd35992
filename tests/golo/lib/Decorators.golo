module lib.Decorators

function tagged = |label| -> |fn| -> |args...| -> label + ":" + fn: invoke(args)
