"""Semantics of the generated code: captures, scoping, control flow, operators, calls."""
from __future__ import annotations

import pytest


def out_of(run_golo, body: str) -> str:
    code, out, err = run_golo(body)
    assert code == 0, err
    return out


def test_closures_made_in_foreach_keep_their_iteration_value(run_golo):
    assert out_of(run_golo, """
  let fs = list[]
  foreach i in [0..2] { fs: add(-> i * 100) }
  foreach f in fs { println(f()) }
  let gs = list[]
  foreach i in [0..2] { gs: add(|x| { return x + i }) }
  println(gs: map(|g| -> g(1)))
""") == "0\n100\n200\n[1, 2, 3]\n"


def test_closures_made_in_while_and_for_capture_at_creation(run_golo):
    assert out_of(run_golo, """
  let fs = vector[]
  var i = 0
  while i < 3 { fs: add(-> i) i = i + 1 }
  for (var k = 10, k < 12, k = k + 1) { fs: add({ return k }) }
  println(fs: map(|f| -> f()))
""") == "[0, 1, 2, 10, 11]\n"


def test_capture_is_a_snapshot(run_golo):
    assert out_of(run_golo, """
  var captured = "before"
  let snapshot = -> "saw " + captured
  captured = "after"
  println(snapshot())
""") == "saw before\n"


def test_nested_closures_capture_through_levels(run_golo):
    assert out_of(run_golo, """
  let a = 1
  let outer = |b| {
    let inner = |c| -> a + b + c
    return inner
  }
  println(outer(10)(100))
  println((|x| -> x + 1)(5))
""") == "111\n6\n"


def test_recursive_closures(run_golo):
    assert out_of(run_golo, """
  let fact = |n| -> match { when n <= 1 then 1 otherwise n * fact(n - 1) }
  let fib = |n| {
    if n < 2 { return n }
    return fib(n - 1) + fib(n - 2)
  }
  println(fact(25))
  println(fib(15))
""") == "15511210043330985984000000\n610\n"


def test_shared_state_through_mutable_objects(run_golo):
    assert out_of(run_golo, """module m
function makeCounter = {
  let state = list[0]
  return {
    state: set(0, state: get(0) + 1)
    return state: get(0)
  }
}
var total = 0
function main = |args| {
  let c = makeCounter()
  c() c()
  println(c())
  let bump = { total = total + 5 }
  bump() bump()
  println(total)
}
""") == "3\n10\n"


def test_continue_in_for_runs_the_step(run_golo):
    assert out_of(run_golo, """
  for (var k = 0, k < 6, k = k + 1) {
    if k % 2 == 0 { continue }
    if k == 5 { break }
    print(k)
  }
  println("")
""") == "13\n"


def test_foreach_guard_and_destructuring(run_golo):
    assert out_of(run_golo, """
  foreach n in range(0, 20) when n % 5 == 0 { print(n + " ") }
  println("")
  foreach a, b in list[[1, 2], [3, 4]] { print(a * b) print(" ") }
  println("")
  let m = map[["k", 1]]
  foreach k, v in m: entrySet() { println(k + "=" + v) }
""") == "0 5 10 15 \n2 12 \nk=1\n"


def test_destructuring_forms(run_golo):
    assert out_of(run_golo, """
  let a, b = [1, 2]
  let head, rest... = list[1, 2, 3, 4]
  let one, _, three = [1, 2, 3]
  var x, y = ["L", "R"]
  x, y = [y, x]
  println(a + b)
  println(rest)
  println(one + three)
  println(x + y)
""") == "3\n[2, 3, 4]\n4\nRL\n"


def test_integer_semantics(run_golo):
    assert out_of(run_golo, """
  println(-7 / 2)
  println(-7 % 3)
  println(7 % -3)
  println(2147483647 + 1)
  var i = -7
  var s = 0
  while i < 0 { s = s + i / 2 + i % 3  i = i + 1 }
  println(s)
  let n = -9
  println(n / 4 + n % 4)
  println(7 / 2.0)
  println(1 + 2 + "x" + 1 + 2)
  println("ab" * 3)
  println('a' + 1)
""") == "-3\n-1\n1\n2147483648\n-19\n-3\n3.5\n3x12\nababab\n98\n"


def test_string_plus_anything(run_golo):
    assert out_of(run_golo, """
  var s = ""
  foreach i in [1..3] { s = s + i }
  s = s + null + 'c' + list[1] + 1.5
  println(s)
  let n = 3
  println(n + "!")
""") == "123nullc[1]1.5\n3!\n"


def test_booleans_are_not_truthy(run_golo):
    code, out, err = run_golo('  if 1 { println("no") }')
    assert code == 1 and "Boolean" in err or "boolean" in err.lower()


def test_boolean_never_equals_number(run_golo):
    assert out_of(run_golo, "  println(1 == true)\n  println(true == true)") == "false\ntrue\n"


def test_or_if_null_and_null_safe_calls(run_golo):
    assert out_of(run_golo, """
  let x = null
  println(x orIfNull "d")
  println(null orIfNull null orIfNull "third")
  println(x?: toString() orIfNull "n/a")
  println(list[x orIfNull 1 foreach i in [1..2]])
""") == "d\nthird\nn/a\n[1, 1]\n"


def test_try_finally_runs_on_return(run_golo):
    assert out_of(run_golo, """module m
function f = {
  try {
    return "body"
  } finally {
    println("finally")
  }
}
function main = |args| {
  println(f())
  try { println(1 / 0) } catch (e) { println(e: getMessage()) }
  try {
    try { raise("first") } catch (e) { throw e }
  } catch (again) { println("rethrown: " + again: getMessage()) }
}
""") == "finally\nbody\n/ by zero\nrethrown: first\n"


def test_case_and_match(run_golo):
    assert out_of(run_golo, """module m
function kind = |obj| {
  case {
    when obj is null { return "nothing" }
    when obj oftype String.class { return "string" }
    otherwise { return "other" }
  }
}
function size = |n| -> match {
  when n < 10 then "small"
  when n < 100 then "medium"
  otherwise "large"
}
function main = |args| {
  println(kind(null) + " " + kind("s") + " " + kind(1))
  println(size(5) + " " + size(50) + " " + size(500))
}
""") == "nothing string other\nsmall medium large\n"


def test_varargs_named_arguments_and_overloads(run_golo):
    assert out_of(run_golo, """module m
function total = |numbers...| {
  var sum = 0
  foreach n in numbers { sum = sum + n }
  return sum
}
function f = |a| -> "one"
function f = |a, b| -> "two"
function f = |a, rest...| -> "many"
function full = |first, last| -> first + " " + last
function main = |args| {
  println(total())
  println(total(1, 2, 3))
  println(total(array[10, 20, 30]))
  println(f(1) + f(1, 2) + f(1, 2, 3))
  println(full(last = "Hopper", first = "Grace"))
  let g = |a, b| -> a - b
  println(g(b = 1, a = 10))
}
""") == "0\n6\n60\nonetwomany\nGrace Hopper\n9\n"


def test_function_references(run_golo):
    assert out_of(run_golo, r"""module m
function inc = |x| -> x + 1
function add = |a| -> a
function add = |a, b| -> a + b
function main = |args| {
  println(list[1, 2]: map(^inc))
  let f = ^add\2
  println(f(3, 4))
}
""") == "[2, 3]\n7\n"


def test_comprehensions(run_golo):
    assert out_of(run_golo, """
  println(list[x * x foreach x in range(1, 6)])
  println(list[x foreach x in range(0, 20) when x % 7 == 0])
  println(vector[[a, b] foreach a in range(1, 3) foreach b in list["x", "y"]])
  println(map[[n, n * n] foreach n in range(1, 4)])
  println(list[a + b foreach a, b in list[[1, 2], [10, 20]]])
  println([x foreach x in [1..3]])
""") == ("[1, 4, 9, 16, 25]\n[0, 7, 14]\n[tuple[1, x], tuple[1, y], tuple[2, x], tuple[2, y]]\n"
         "{1=1, 2=4, 3=9}\n[3, 30]\ntuple[1, 2, 3]\n")


def test_with_local_definitions(run_golo):
    assert out_of(run_golo, """
  let r = [a + b, a * b] with {
    a = 3
    b = 4
  }
  println(r)
""") == "tuple[7, 12]\n"


def test_structs_unions_augmentations_decorators(run_golo):
    assert out_of(run_golo, """module m
struct Point = { x, y }
union Shape = {
  Circle = { radius }
  Nothing
}
augment Point {
  function norm1 = |this| -> this: x() + this: y()
}
augment java.lang.String {
  function shout = |this| -> this: toUpperCase() + "!"
}
augmentation Greeter = {
  function greet = |this| -> "hello " + this: radius()
}
augment Shape with Greeter
function twice = |fn| -> |x| -> fn(fn(x))
@twice
function inc = |x| -> x + 1
function main = |args| {
  let p = Point(1, 2)
  p: x(10)
  println(p)
  println(p: norm1())
  println("hey": shout())
  println(Shape.Circle(2))
  println(Shape.Circle(2): greet())
  println(Shape.Nothing() is Shape.Nothing())
  println(inc(1))
  println(ImmutablePoint(1, 2) == ImmutablePoint(1, 2))
}
""") == ("struct Point{x=10, y=2}\n12\nHEY!\nunion Shape.Circle{radius=2}\nhello 2\ntrue\n3\n"
         "true\n")


def test_unicode_and_keyword_like_names(run_golo):
    assert out_of(run_golo, """module m
function größe = |x| -> x * 2
function main = |args| {
  let π = 3
  let $x = 1
  let _tmp = 2
  let lambda = 4
  let None = 5
  println(größe(π) + $x + _tmp + lambda + None)
}
""") == "18\n"


def test_module_level_state_initialised_in_order(run_golo):
    assert out_of(run_golo, """module m
let A = 2
let B = A * 10
var counter = 0
function bump = { counter = counter + B }
function main = |args| {
  bump()
  bump()
  println(counter)
}
""") == "40\n"


def test_main_receives_arguments(run_golo):
    code, out, err = run_golo("  println(args: length())\n  foreach a in args { println(a) }",
                              "x", "y")
    assert (code, out) == (0, "2\nx\ny\n")


def test_deep_recursion_works(run_golo):
    assert out_of(run_golo, """module m
function depth = |n| -> match { when n == 0 then 0 otherwise 1 + depth(n - 1) }
function main = |args| { println(depth(5000)) }
""") == "5000\n"


def test_generated_python_is_positioned_in_golo(tmp_path):
    import ast

    from golo_fast import api
    text = "module m\n\nfunction f = |x| {\n  return x + 1\n}\n"
    compiled = api.compile_source(text, str(tmp_path / "m.golo"))
    assert compiled.code.co_filename == str(tmp_path / "m.golo")
    fn = next(node for node in compiled.python_ast.body if isinstance(node, ast.FunctionDef))
    assert fn.lineno == 3
    returns = [node for node in ast.walk(fn) if isinstance(node, ast.Return)]
    assert returns and all(node.lineno == 4 for node in returns)
    for node in ast.walk(compiled.python_ast):
        if isinstance(node, (ast.expr, ast.stmt)):
            assert node.lineno >= 1


def test_int_specialised_bodies_keep_golo_semantics(run_golo):
    assert out_of(run_golo, """module m
function f = |a, b| {
  var acc = a
  for (var i = 0, i < b, i = i + 1) { acc = acc + a / 2 + a % 3 }
  return acc + " " + (a < b)
}
function g = |a, b| -> a + b * 2
function main = |args| {
  println(f(-7, 3))
  println(f(7, 2))
  println(g("s", 2) + g(1, 2) + g(1.5, 1))
}
""") == "-19 true\n15 false\ns453.5\n"


def test_named_arguments_with_renamed_parameters(run_golo):
    assert out_of(run_golo, """module m
function f = |größe, $x| -> größe - $x
function main = |args| {
  let g = |ü, b| -> ü - b
  println(g(b = 1, ü = 10))
  let r = ^f
  println(r(größe = 5, $x = 2))
  println(f($x = 1, größe = 3))
}
""") == "9\n3\n2\n"


def test_banged_calls_run_once_per_call_site(run_golo):
    assert out_of(run_golo, """module m
var n = 0
function next = { n = n + 1  return n }
function main = |args| {
  foreach i in [1..3] { println(next!() + " " + next()) }
}
""") == "1 2\n1 3\n1 4\n"


def test_self_tail_calls_do_not_grow_the_stack(run_golo):
    assert out_of(run_golo, """module m
function deep = |n| -> match { when n == 0 then 0 otherwise deep(n - 1) }
function sum = |n, acc| {
  if n == 0 { return acc }
  return sum(n - 1, acc + n)
}
function keep = |n, fs| {
  if n == 0 { return fs }
  fs: add(-> n)
  return keep(n - 1, fs)
}
function main = |args| {
  println(deep(1000000))
  println(sum(1000000, 0))
  println(keep(3, list[]): map(|f| -> f()))
}
""") == "0\n500000500000\n[3, 2, 1]\n"


def test_int_returning_functions_and_impostors(run_golo):
    assert out_of(run_golo, """module m
function fib = |n| {
  if n < 2 { return n }
  return fib(n - 1) + fib(n - 2)
}
function sign = |n| -> match { when n > 0 then "pos" otherwise 0 }
function maybe = |n| {
  if n > 0 { return n }
}
function half = |n| -> n / 2
function main = |args| {
  println(fib(20) + 1)
  println(sign(1) + 1)
  println(sign(-1) + 1)
  println(maybe(-1) orIfNull "null")
  println(half(-7) + half(7))
  println(fib(10) + "!")
}
""") == "6766\npos1\n1\nnull\n0\n55!\n"
