module lib.WithMain

function greeting = -> "hello from lib"

function main = |args| {
  println("lib main must not run")
}
