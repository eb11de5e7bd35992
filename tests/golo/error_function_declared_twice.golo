module corpus.ErrorFunctionDeclaredTwice

function f = |a| -> a

function f = |b| -> b * 2

function main = |args| {
  println(f(1))
}
