"""Static errors (language.md §20): each kind, with its position; all reported in one run."""
from __future__ import annotations

import pytest

from golo_fast.errors import GoloResolveError


def position(err):
    return err.source.line_col(err.span[0])


# Bodies are wrapped in `function main = |args| {` starting on line 4.
@pytest.mark.parametrize("body, message, line, col", [
    ("  println(unknownThing)", "undeclared reference 'unknownThing'", 4, 11),
    ("  bar = 1", "assignment to undeclared reference 'bar'", 4, 3),
    ("  let limit = 10\n  limit = 20", "constant reference", 5, 3),
    ("  args = 1", "parameter 'args'", 4, 3),
    ("  foreach x in [1] { x = 2 }", "loop variable 'x'", 4, 22),
    ("  var n = 0\n  let f = { n = n + 1 }", "constant reference", 5, 13),
    ("  var a = 1\n  var a = 2", "duplicate declaration of 'a'", 5, 7),
    ("  let a = 1\n  if true { let a = 2 }", "duplicate declaration of 'a'", 5, 17),
    ("  let a = a", "used in its own initialiser", 4, 11),
    ("  break", "'break' outside a loop", 4, 3),
    ("  continue", "'continue' outside a loop", 4, 3),
    ("  let f = |a, b| -> a\n  f(1, b = 2)", "mix named and positional", 5, 5),
])
def test_static_errors(compile_error, body, message, line, col):
    err = compile_error(body)
    assert isinstance(err, GoloResolveError)
    assert message in err.message
    assert position(err) == (line, col)


def test_did_you_mean_hint(compile_error):
    err = compile_error('  let name = "x"\n  println("Hello " + nmae)')
    assert err.hint == "did you mean 'name'?"


def test_function_declared_twice(compile_error):
    err = compile_error("module m\nfunction f = |a| -> a\nfunction f = |b| -> b\n"
                        "function main = |args| { }\n")
    assert "declared twice" in err.message and position(err) == (3, 10)


def test_overloads_by_arity_are_fine():
    from golo_fast import api
    api.compile_source("module m\nfunction f = |a| -> a\nfunction f = |a, b| -> b\n"
                       "function f = |a, b, c...| -> c\nfunction main = |args| { f(1) f(1, 2) }\n",
                       "m.golo")


def test_augmentation_function_needs_a_parameter(compile_error):
    err = compile_error("module m\naugment java.lang.String {\n  function bad = -> 1\n}\n")
    assert "at least one parameter" in err.message and position(err) == (3, 12)


def test_arity_error_for_known_function(compile_error):
    err = compile_error("module m\nfunction f = |a| -> a\nfunction main = |args| { f(1, 2) }\n")
    assert "takes 1 argument" in err.message and position(err) == (3, 26)


def test_closure_parameters_may_reuse_outer_names():
    from golo_fast import api
    api.compile_source("module m\nfunction main = |args| {\n  let fixed = 10\n"
                       "  let f = |fixed| -> fixed * 100\n}\n", "m.golo")


def test_sibling_blocks_may_reuse_names():
    from golo_fast import api
    api.compile_source("module m\nfunction main = |args| {\n  if true { let a = 1 } "
                       "else { let a = 2 }\n  foreach a in [1] { }\n}\n", "m.golo")


def test_all_errors_are_reported_sorted(compile_error):
    err = compile_error("  let x = 1\n  x = 2\n  println(y)\n  break\n  z = 3")
    kinds = [(e.message.split("'")[0].strip(), position(e)[0]) for e in err.errors]
    assert [line for _, line in kinds] == [5, 6, 7, 8]
    assert err is err.errors[0]


def test_module_level_var_assignable_from_closures():
    from golo_fast import api
    api.compile_source("module m\nvar count = 0\nlet LIMIT = 3\nfunction main = |args| {\n"
                       "  let f = { count = count + LIMIT }\n  f()\n}\n", "m.golo")


def test_module_let_is_constant(compile_error):
    err = compile_error("module m\nlet LIMIT = 3\nfunction main = |args| { LIMIT = 4 }\n")
    assert "constant reference" in err.message


def test_bare_function_name_gets_a_hint(compile_error):
    err = compile_error("module m\nfunction f = -> 1\nfunction main = |args| { let g = f }\n")
    assert err.hint == "write ^f for a reference to the function"


def test_undeclared_function(compile_error):
    err = compile_error("  printn(1)")
    assert "undeclared function 'printn'" in err.message
    assert err.hint == "did you mean 'println'?"
