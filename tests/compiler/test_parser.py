"""Parser: precedence and associativity (§4.1), layout rules (§2.1), statements, errors."""
from __future__ import annotations

import pytest

from golo_fast.errors import GoloSyntaxError
from golo_fast.syntax import nodes as n
from tests.compiler.conftest import parse_text


def expr_of(text: str):
    module = parse_text(f"module m\nfunction f = -> {text}\n")
    return module.items[0].body


def shape(e) -> str:
    """A compact rendering of an expression tree for assertions."""
    if isinstance(e, n.Binary):
        return f"({shape(e.left)} {e.op} {shape(e.right)})"
    if isinstance(e, n.Unary):
        return f"({e.op} {shape(e.operand)})"
    if isinstance(e, n.Literal):
        return repr(e.value)
    if isinstance(e, n.Name):
        return e.name
    if isinstance(e, n.MethodCall):
        return f"{shape(e.receiver)}:{e.name}({', '.join(shape(a.value) for a in e.args)})"
    if isinstance(e, n.Call):
        return f"{e.name}({', '.join(shape(a.value) for a in e.args)})"
    if isinstance(e, n.CallValue):
        return f"{shape(e.callee)}({', '.join(shape(a.value) for a in e.args)})"
    return type(e).__name__


@pytest.mark.parametrize("text, expected", [
    ("1 + 2 * 3", "(1 + (2 * 3))"),
    ("not a == b", "((not a) == b)"),
    ("not x: isEmpty()", "(not x:isEmpty())"),
    ("1 < 2 == true", "((1 < 2) == True)"),
    ("true or false and false", "(True or (False and False))"),
    ("null orIfNull false or true", "(None orIfNull (False or True))"),
    ("a - b - c", "((a - b) - c)"),
    ("a -1", "(a - 1)"),
    ("-x", "(- x)"),
    ("-(a + b)", "(- (a + b))"),
    ("2 * -3", "(2 * -3)"),
    ("1.5 --1", "(1.5 - -1)"),
    ("f(1)(2)", "f(1)(2)"),
    ("a: b(1): c()", "a:b(1):c()"),
])
def test_precedence(text, expected):
    assert shape(expr_of(text)) == expected


@pytest.mark.parametrize("text", ["a < b < c", "a == b == c", "a * not b", "4 * * 2",
                                  "f(1, )", "list[1, ]"])
def test_syntax_errors(text):
    with pytest.raises(GoloSyntaxError):
        expr_of(text)


def test_call_paren_must_be_on_the_callee_line():
    module = parse_text("module m\nfunction main = |args| {\n  foo\n  (1)\n}\n")
    stmts = module.items[0].body.stmts
    assert [type(s.expr).__name__ for s in stmts] == ["Name", "Literal"]


def test_newline_before_method_call_and_operator():
    e = expr_of("list[1, 2]\n  : map(f)\n  + 2")
    assert isinstance(e, n.Binary) and isinstance(e.left, n.MethodCall)


def test_statements_need_no_separator():
    module = parse_text("module m\nfunction main = |args| { let a = 1 let b = 2 println(a + b) }")
    assert [type(s).__name__ for s in module.items[0].body.stmts] == ["Let", "Let", "ExprStmt"]


def test_collection_prefix_must_touch_bracket():
    assert isinstance(expr_of("list[1]"), n.Collection)
    with pytest.raises(GoloSyntaxError):
        expr_of("list [1]")


def test_collections_ranges_and_comprehensions():
    assert isinstance(expr_of("[1..3]"), n.RangeLit)
    comp = expr_of("list[x foreach x in xs when x > 1 foreach y in ys]")
    assert isinstance(comp, n.Comprehension) and len(comp.clauses) == 2
    assert comp.clauses[0].guard is not None
    assert expr_of("[]").kind == "tuple"


def test_function_references():
    ref = expr_of(r"^fib\2")
    assert (ref.name, ref.arity, ref.module) == ("fib", 2, None)
    ref = expr_of("^a.b.Mod::fn")
    assert (ref.name, ref.module) == ("fn", "a.b.Mod")


def test_match_needs_otherwise():
    with pytest.raises(GoloSyntaxError, match="otherwise"):
        expr_of("match { when a then 1 }")


def test_top_level_forms():
    module = parse_text("""module a.b.C
import x.y.Z
struct Point = { x, y }
union Shape = {
  Circle = { radius }
  Nothing
}
augment java.lang.String { function shout = |this| -> this }
augmentation Greeter = { function greet = |this| -> "hi" }
augment Point with Greeter
let G = 1
var H = 2
@deco
local function f = |a, rest...| { return a }
""")
    kinds = [type(i).__name__ for i in module.items]
    assert kinds == ["Struct", "Union", "Augment", "Augmentation", "Augment", "ModuleLet",
                     "ModuleLet", "Function"]
    fn = module.items[-1]
    assert fn.local and fn.varargs and len(fn.decorators) == 1
    assert module.imports[0].name == "x.y.Z"


def test_statement_forms():
    module = parse_text("""module m
function main = |args| {
  var a, b = [1, 2]
  a, b = [b, a]
  for (var i = 0, i < 3, i = i + 1) { }
  foreach (x in xs) { break }
  foreach k, v in m: entrySet() when k > 1 { continue }
  case { when a == 1 { } otherwise { } }
  try { throw x } catch (e) { } finally { }
  while a < 3 { a = a + 1 }
  if a { } else if b { } else { }
  return
}
""")
    kinds = [type(s).__name__ for s in module.items[0].body.stmts]
    assert kinds == ["Let", "Assign", "For", "Foreach", "Foreach", "Case", "Try", "While", "If",
                     "Return"]


def test_return_takes_expression_on_next_line():
    module = parse_text("module m\nfunction f = {\n  return   # comment\n  42\n}\n")
    assert module.items[0].body.stmts[0].value.value == 42


def test_statements_outside_function_are_rejected():
    with pytest.raises(GoloSyntaxError) as info:
        parse_text("module m\nprintln(1)\n")
    assert info.value.hint


def test_error_span_points_at_token():
    with pytest.raises(GoloSyntaxError) as info:
        parse_text("module m\nfunction f = {\n  let total = 4 * * 2\n}\n")
    assert info.value.source.line_col(info.value.span[0]) == (3, 19)
