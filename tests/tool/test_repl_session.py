"""The REPL's evaluation (golo_fast.repl.Session) without a terminal, and `golo-fast repl`
with piped input (the plain front end)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from golo_fast import cli, diagnostics
from golo_fast.errors import GoloCompileError, GoloError
from golo_fast.repl import Evaluator, Session

REPO = Path(__file__).resolve().parents[2]
HELLO = str(REPO / "guests" / "hello.wasm")


@pytest.fixture
def session():
    return Session()


@pytest.fixture
def ev(session):
    """Run inputs as the REPL does: on the evaluator's long-lived thread."""
    evaluator = Evaluator()

    def run(text):
        return evaluator.run(session.execute, text).value
    return run


@pytest.mark.parametrize("text, more", [
    ("function f = |x| {", True),
    ("function f = |x| {\n  return x", True),
    ("function f = |x| {\n  return x\n}", False),
    ("if true {", True),
    ("foreach i in [1..3] {\n  println(i)", True),
    ("let x = 1 +", True),
    ("println(", True),
    ("[1, 2,", True),
    ('let s = """first line', True),
    ("struct Point = {", True),
    ("1 + 2", False),
    ("println(1))", False),          # an error that more typing cannot fix
    ("let = 3", False),
    ("function f = |x| {\n", False),  # an empty last line ends the input
    (":help", False),
    ("", False),
])
def test_needs_more(session, text, more):
    assert session.needs_more(text) is more


def test_values_are_printed_in_golo_form(ev):
    assert ev("1 + 2") == "3"
    assert ev('"a" + 1') == "a1"
    assert ev("[1, 2]") == "tuple[1, 2]"
    assert ev("list[1, 2]") == "[1, 2]"
    assert ev("null") == "null"
    assert ev("4 / 2.0") == "2.0"
    assert ev('println("side effect")') is None      # a call returning null prints nothing
    assert ev("true and false") == "false"


def test_definitions_persist(ev, capsys):
    assert ev("function sq = |x| {\n  return x * x\n}") is None
    assert ev("sq(7)") == "49"
    assert ev("let base = 10") is None
    assert ev("var count = 0") is None
    assert ev("count = count + base") is None
    assert ev("count = count + sq(2)") is None
    assert ev("count") == "14"
    assert ev("struct Point = {x, y}") is None
    assert ev("Point(1, 2): x() + sq(base)") == "101"
    assert ev("union Shape = { Circle = {r}\n Square = {side} }") is None
    assert ev("augment Point {\n  function sum = |this| -> this: x() + this: y()\n}") is None
    assert ev("Point(3, 4): sum()") == "7"
    assert ev("foreach i in [1..3] {\n  println(i * base)\n}") is None
    assert capsys.readouterr().out == "10\n20\n30\n"


def test_redefinition_replaces(ev):
    ev("function f = |x| -> x + 1")
    ev("function g = |x| -> f(x) * 10")
    assert ev("g(1)") == "20"
    ev("function f = |x| -> x + 2")
    assert ev("g(1)") == "30"
    ev("function f = |x, y| -> x + y")       # another arity is an overload
    assert ev("f(1) + f(1, 1)") == "5"
    ev("let v = 1")
    ev("let v = 2")
    assert ev("v") == "2"


def test_module_state_is_not_run_again(ev, capsys):
    ev('var calls = 0')
    ev('function tick = { calls = calls + 1\n return calls }')
    ev('let first = tick()')
    ev('function other = -> 1')
    ev('let second = tick()')
    assert ev("calls") == "2"


def test_statement_locals_do_not_persist(ev):
    ev("foreach i in [1..2] {\n  let inner = i\n}")
    with pytest.raises(GoloCompileError, match="undeclared reference 'inner'"):
        ev("inner")


def test_errors_point_into_the_input(ev, session):
    ev("let name = 1")
    ev("function f = |x| -> x")
    with pytest.raises(GoloCompileError) as info:
        ev("f(nmae)")
    text = diagnostics.format_compile_error(info.value)
    assert text == (f"<input-3>:1:3: error: undeclared reference 'nmae'\n"
                    "    1 | f(nmae)\n"
                    "      |   ^~~~\n"
                    "hint: did you mean 'name'?\n")
    with pytest.raises(GoloCompileError) as info:
        ev("function h = |x| {\n  return x +\n}")
    text = diagnostics.format_compile_error(info.value)
    assert text.startswith("<input-4>:3:1: error: expected an expression, found '}'\n"
                           "    3 | }\n")
    assert ev("f(5)") == "5"      # the session goes on, nothing was half-defined
    with pytest.raises(GoloCompileError, match="undeclared function 'h'"):
        ev("h(1)")


def test_runtime_errors_show_the_golo_stack(ev):
    ev("function boom = |x| {\n  return 1 / x\n}")
    with pytest.raises(GoloError) as info:
        ev("boom(0)")
    message = cli._runtime_message(info.value)
    text = diagnostics.format_runtime_error(message, info.value)
    assert "<input-1>:2:" in text and "in boom" in text
    assert text.endswith("error: java.lang.ArithmeticException: / by zero\n")
    assert ev("boom(1)") == "1"


def test_wasm_builtins(ev):
    ev(f'let r = wasmLoad("{HELLO}")')
    assert ev('wasmCallString(r, "hello", "Bob")') == "Hello, Bob!!!"
    assert ev('wasmHasFunction(r, "hello")') == "true"
    # the runner belongs to the REPL's thread, which every input runs on
    assert ev('wasmCallString(r, "hello", "again")') == "Hello, again!!!"
    with pytest.raises(GoloError, match=r"has no export 'helo' \(did you mean 'hello'\?"):
        ev('wasmCallString(r, "helo", "Bob")')


def test_load_a_file(ev, tmp_path):
    path = tmp_path / "lib.golo"
    path.write_text("module my.lib\n\nfunction twice = |x| -> x * 2\n\n"
                    "let answer = twice(21)\n\nfunction main = |args| {\n"
                    "  println(\"main is not called\")\n}\n", encoding="utf-8")
    assert ev(f":load {path}") == f"loaded {path} (3 declarations)"
    assert ev("answer + twice(1)") == "44"
    bad = tmp_path / "bad.golo"
    bad.write_text("module bad\n\nfunction f = |x| -> y\n", encoding="utf-8")
    with pytest.raises(GoloCompileError) as info:
        ev(f":load {bad}")
    assert diagnostics.format_compile_error(info.value).startswith(
        f"{bad}:3:21: error: undeclared reference 'y'\n    3 | function f = |x| -> y\n")
    with pytest.raises(GoloError, match="no such file"):
        ev(f":load {tmp_path / 'missing.golo'}")


def test_commands(ev, session):
    assert ":load FILE.golo" in ev(":help")
    ev("let x = 1")
    assert ev(":reset") == "session reset"
    with pytest.raises(GoloCompileError, match="undeclared reference 'x'"):
        ev("x")
    with pytest.raises(GoloCompileError, match="unknown command :nope"):
        ev(":nope")
    assert session.execute(":quit").quit


def test_deep_recursion_runs_on_the_big_stack(ev):
    ev("function depth = |n| {\n  if n == 0 { return 0 }\n  return 1 + depth(n - 1)\n}")
    assert ev("depth(20000)") == "20000"


# -- `golo-fast repl` with piped input --------------------------------------------------------

def repl(stdin: str, **kw):
    return subprocess.run([sys.executable, "-m", "golo_fast", "repl"], input=stdin, text=True,
                          capture_output=True, cwd=REPO, timeout=120, **kw)


def test_plain_repl_from_a_pipe():
    proc = repl("function f = |x| {\n  return x * 3\n}\nf(2)\nnope\nf(3)\n"
                'let r = wasmLoad("guests/hello.wasm")\nwasmCallString(r, "hello", "pipe")\n'
                ":quit\nf(4)\n")
    assert proc.returncode == 0
    assert proc.stdout == "6\n9\nHello, pipe!!!\n"
    assert proc.stderr == ("<input-3>:1:1: error: undeclared reference 'nope'\n"
                           "    1 | nope\n"
                           "      | ^~~~\n")


def test_plain_repl_an_empty_line_ends_an_incomplete_input():
    proc = repl("let x = 1 +\n\n40 + 2\n")
    assert proc.stdout == "42\n"
    assert "<input-1>:1:" in proc.stderr and "error: expected an expression" in proc.stderr


def test_cli_repl_takes_no_arguments(capsys):
    assert cli.main(["repl", "x"]) == 2


def test_redefining_a_type_used_earlier(ev, session):
    ev("struct P = {a}")
    ev("let p = P(1)")                     # ran once: not checked again
    ev("function mk = |x| -> P(x)")
    ev("function user = -> mk(5)")
    outcome = Evaluator().run(session.execute, "struct P = {a, b}")
    assert outcome.notes == ("note: <input-3>:1:22: function 'mk' no longer compiles (struct "
                             "'P' takes 0 or 2 arguments, got 1); it keeps its previous code",)
    assert ev("P(1, 2)") == "struct P{a=1, b=2}"
    assert ev("p") == "struct P{a=1}"
    with pytest.raises(GoloError, match="takes 0 or 2 arguments, got 1"):
        ev("mk(3)")                        # the old code, against the new type
    ev("function mk = |x| -> P(x, x)")     # redefining it makes it current again
    assert ev("user()") == "struct P{a=5, b=5}"


@pytest.mark.parametrize("text, message, column", [
    ("}", "unmatched '}'", 1),
    ("foo)", "unmatched ')'", 4),
    ("[1, 2]]", "unmatched ']'", 7),
])
def test_unmatched_closers(ev, text, message, column):
    with pytest.raises(GoloCompileError) as info:
        ev(text)
    assert diagnostics.format_compile_error(info.value).startswith(
        f"<input-1>:1:{column}: error: {message}\n")


def test_completions(session):
    session.execute("function fibonacci = |n| -> n")
    session.execute("let fiddle = 1")
    assert session.completions("fi") == ["fibonacci", "fiddle", "fileExists", "fileToText",
                                         "finally"]
    assert session.completions("  println(wasmCallS") == ["wasmCallString"]
    assert session.completions(":l") == [":load"]
    assert session.completions("1 + ") == []
