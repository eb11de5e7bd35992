"""The one message format (style habit 9), exactly."""
from __future__ import annotations

from golo_fast import diagnostics
from golo_fast.errors import GoloResolveError, GoloSyntaxError
from golo_fast.source import Source


def test_compile_error_format_exact():
    text = 'module hello\n\nfunction main = |args| {\n  println("Hello " + nmae)\n}\n'
    source = Source(text, "hello.golo")
    start = text.index("nmae")
    err = GoloResolveError("undeclared reference 'nmae'", source, (start, start + 4),
                           "did you mean 'name'?")
    assert diagnostics.format_compile_error(err) == (
        "hello.golo:4:22: error: undeclared reference 'nmae'\n"
        '    4 |   println("Hello " + nmae)\n'
        "      |                      ^~~~\n"
        "hint: did you mean 'name'?\n"
    )


def test_without_hint_and_wide_gutter():
    text = "\n" * 11 + "let x = 1;\n"
    source = Source(text, "a.golo")
    err = GoloSyntaxError("unexpected ';'", source, (20, 21))
    assert diagnostics.format_compile_error(err) == (
        "a.golo:12:10: error: unexpected ';'\n"
        "    12 | let x = 1;\n"
        "       |          ^\n"
    )


def test_span_over_several_lines_is_clipped_to_the_first():
    source = Source("abc(\n  d)\n", "a.golo")
    err = GoloSyntaxError("bad", source, (0, 9))
    assert diagnostics.format_compile_error(err).splitlines()[2] == "      | ^~~~"


def test_tabs_are_kept_for_alignment():
    source = Source("\tfoo bar\n", "a.golo")
    err = GoloSyntaxError("bad", source, (5, 8))
    assert diagnostics.format_compile_error(err).splitlines()[2] == "      | \t    ^~~"


def test_several_errors_in_order():
    source = Source("a\nb\n", "a.golo")
    first = GoloResolveError("one", source, (0, 1))
    second = GoloResolveError("two", source, (2, 3))
    first.errors = [first, second]
    text = diagnostics.format_compile_error(first)
    assert text.index("a.golo:1:1: error: one") < text.index("a.golo:2:1: error: two")


def test_golo_function_names():
    assert diagnostics.golo_function_name("fib__1") == "fib"
    assert diagnostics.golo_function_name("total__v1") == "total"
    assert diagnostics.golo_function_name("_closure__3") == "closure"
    assert diagnostics.golo_function_name("<lambda>") == "closure"
    from golo_fast.resolve import function_pyname
    assert diagnostics.golo_function_name(function_pyname("größe", 1, False)) == "größe"


def test_runaway_recursion_backtrace_is_folded_and_capped(tmp_path):
    """~10^5 Golo frames become a few lines: repeats folded, the middle elided."""
    import subprocess
    import sys
    script = tmp_path / "rec.golo"
    script.write_text("module Rec\n"
                      "function f = |n| -> 1 + f(n + 1)\n"
                      "function g = |n| -> h(n + 1)\n"
                      "function h = |n| -> g(n + 1) + 1\n"
                      "function main = |args| {\n"
                      "  try { f(0) } catch (e) { println(\"caught\") }\n"
                      "  g(0)\n"
                      "}\n")
    done = subprocess.run([sys.executable, "-m", "golo_fast", str(script)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert done.stdout == "caught\n"
    lines = done.stderr.splitlines()
    assert lines[-1] == "error: java.lang.StackOverflowError"
    assert len(lines) < 120, len(lines)
    assert any(line.strip().endswith("more frames]") for line in lines)
    assert f"{script}:7:3: in main" in done.stderr
