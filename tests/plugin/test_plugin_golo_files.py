"""The plugin collects `test_*.golo` files and runs their `test*` functions (pytester runs)."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from importlib.metadata import entry_points

import pytest

pytest_plugins = ["pytester"]

MATH = """\
module tests.Math

function double = |x| -> x * 2

function test_adds = {
  require(double(2) == 4, "2 doubled is 4")
}

function test_fails = {
  let value = double(3)
  require(value == 7, "expected 7 but got " + value)
}

function test_multiplies = {
  require(double(5) == 10, "5 doubled is 10")
}

local function test_hidden = {
  raise("a local function is not a test")
}

function test_wants_an_argument = |x| {
  raise("a function with parameters is not a test")
}
"""


def write(root, name: str, text: str):
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def no_python_frames(output: str) -> None:
    for marker in ("Traceback", "pytest_plugin.py", "golo_fast/", ".py:", "def runtest"):
        assert marker not in output, output


# -- registration and start-up --------------------------------------------------------------

def test_the_plugin_is_a_pytest11_entry_point():
    found = {ep.name: ep.value for ep in entry_points(group="pytest11")}
    assert found.get("golo_fast") == "golo_fast.pytest_plugin"


def test_loading_the_plugin_imports_nothing_of_golo_fast():
    code = ("import sys, pytest\n"
            "before = set(sys.modules)\n"
            "import golo_fast.pytest_plugin\n"
            "new = set(sys.modules) - before\n"
            "print(sorted(m for m in new if m.startswith(('golo_fast', 'wasm'))))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "['golo_fast', 'golo_fast.pytest_plugin']"


def test_a_run_without_golo_files_loads_neither_compiler_nor_wasm(pytester, outcomes):
    pytester.makepyfile(test_plain="""
        import sys

        def test_plugin_is_registered_but_idle(pytestconfig):
            assert pytestconfig.pluginmanager.has_plugin("golo_fast")
            loaded = [m for m in ("golo_fast.api", "golo_fast.runtime", "golo_fast.wasm",
                                  "wasmer", "wasmtime") if m in sys.modules]
            assert loaded == []
    """)
    outcomes(pytester.runpytest_subprocess(), passed=1)


# -- collection -----------------------------------------------------------------------------

def test_each_public_test_function_without_parameters_is_an_item(pytester):
    write(pytester.path, "test_math.golo", MATH)
    result = pytester.runpytest("--collect-only", "-q")
    result.stdout.fnmatch_lines([
        "test_math.golo::test_adds",
        "test_math.golo::test_fails",
        "test_math.golo::test_multiplies",
        "*3 tests collected*",
    ])
    assert "test_hidden" not in result.stdout.str().split("warnings summary")[0]
    assert "double" not in result.stdout.str()


def test_a_test_function_with_parameters_gets_a_collection_warning(pytester):
    write(pytester.path, "test_math.golo", MATH)
    result = pytester.runpytest("--collect-only", "-q")
    result.stdout.fnmatch_lines([
        "*test_math.golo:22: PytestCollectionWarning: cannot collect Golo function "
        "'test_wants_an_argument' because it takes parameters*",
    ])


def test_only_files_matching_the_patterns_are_collected(pytester):
    write(pytester.path, "test_math.golo", MATH)
    write(pytester.path, "math_check.golo", MATH)
    write(pytester.path, "helpers.golo", "module Helpers\nfunction test_x = { raise(\"no\") }\n")
    result = pytester.runpytest("--collect-only", "-q")
    assert "math_check.golo" not in result.stdout.str()
    assert "helpers.golo" not in result.stdout.str()
    pytester.makeini("[pytest]\ngolo_files = *_check.golo\n")
    result = pytester.runpytest("--collect-only", "-q")
    result.stdout.fnmatch_lines(["math_check.golo::test_adds", "*3 tests collected*"])
    assert "test_math.golo" not in result.stdout.str()


def test_a_golo_file_named_on_the_command_line_is_collected_whatever_its_name(pytester,
                                                                             outcomes):
    write(pytester.path, "checks.golo", MATH)
    outcomes(pytester.runpytest("checks.golo", "-k", "adds"), passed=1, deselected=2)


def test_tests_run_in_source_order(pytester):
    write(pytester.path, "test_order.golo", """\
        module tests.Order

        function twice = |fn| -> |args...| {
          fn: invoke(args)
          return fn: invoke(args)
        }

        function test_zebra = { println("zebra") }
        function test_apple = { println("apple") }
        @twice
        function test_decorated = { println("decorated") }
        function test_mango = { println("mango") }
    """)
    result = pytester.runpytest("-v")
    result.stdout.fnmatch_lines(["*::test_zebra PASSED*", "*::test_apple PASSED*",
                                 "*::test_decorated PASSED*", "*::test_mango PASSED*"])


# -- passing and failing --------------------------------------------------------------------

def test_passing_and_failing_tests(pytester, outcomes):
    write(pytester.path, "test_math.golo", MATH)
    result = pytester.runpytest()
    outcomes(result, passed=2, failed=1)
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_a_failing_require_reports_its_golo_position_source_line_and_caret(pytester):
    path = write(pytester.path, "test_math.golo", MATH)
    result = pytester.runpytest("-rf")
    result.stdout.fnmatch_lines([
        "*_ test_fails _*",
        f"{path}:11:3: error: java.lang.AssertionError: expected 7 but got 6",
        "    11 |   require(value == 7, \"expected 7 but got \" + value)",
        "       |   ^~~~~~~",
        "Golo stack (most recent call last):",
        f"  {path}:11:3: in test_fails",
        "*short test summary*",
        # (the summary line is cut to the terminal's width)
        "FAILED test_math.golo::test_fails - java.lang.AssertionError: expected*",
    ])
    failures = result.stdout.str().split("FAILURES")[1].split("short test summary")[0]
    no_python_frames(failures)


def test_an_uncaught_exception_shows_the_golo_backtrace(pytester):
    path = write(pytester.path, "test_errors.golo", """\
        module tests.Errors

        function check = |amount| {
          if amount < 0 {
            raise("negative amount: " + amount)
          }
          return amount
        }

        function test_negative = {
          println("checking -5")
          check(-5)
        }

        function test_division = {
          let zero = 0
          println(10 / zero)
        }
    """)
    result = pytester.runpytest()
    result.stdout.fnmatch_lines([
        "*_ test_negative _*",
        f"{path}:5:5: error: java.lang.RuntimeException: negative amount: -5",
        "    5 |     raise(\"negative amount: \" + amount)",
        "      |     ^~~~~",
        "Golo stack (most recent call last):",
        f"  {path}:12:3: in test_negative",
        f"  {path}:5:5: in check",
        "*Captured stdout call*",
        "checking -5",
        "*_ test_division _*",
        f"{path}:17:3: error: java.lang.ArithmeticException: / by zero",
    ])
    no_python_frames(result.stdout.str().split("FAILURES")[1])


def test_tb_line_and_junit_xml_carry_the_golo_message(pytester):
    path = write(pytester.path, "test_math.golo", MATH)
    result = pytester.runpytest("--tb=line", "--junitxml=report.xml")
    result.stdout.fnmatch_lines([
        f"{path}:11: java.lang.AssertionError: expected 7 but got 6"])
    xml = (pytester.path / "report.xml").read_text(encoding="utf-8")
    assert 'message="java.lang.AssertionError: expected 7 but got 6"' in xml


def test_full_trace_adds_the_python_frames(pytester):
    write(pytester.path, "test_math.golo", MATH)
    result = pytester.runpytest("--full-trace")
    text = result.stdout.str()
    assert "Traceback (most recent call last)" in text
    assert "Golo stack (most recent call last):" in text


# -- selection ------------------------------------------------------------------------------

def test_k_selects_golo_tests_by_name(pytester, outcomes):
    write(pytester.path, "test_math.golo", MATH)
    outcomes(pytester.runpytest("-k", "adds or multiplies"), passed=2, deselected=1)
    outcomes(pytester.runpytest("-k", "not adds"), passed=1, failed=1, deselected=1)
    outcomes(pytester.runpytest("-k", "test_math and fails"), failed=1, deselected=2)


def test_a_node_id_runs_one_golo_test(pytester, outcomes):
    write(pytester.path, "test_math.golo", MATH)
    outcomes(pytester.runpytest("test_math.golo::test_multiplies"), passed=1)


# -- collection errors ----------------------------------------------------------------------

def test_a_compile_error_is_a_collection_error_with_the_diagnostic(pytester, outcomes):
    path = write(pytester.path, "test_typo.golo", """\
        module tests.Typo

        function test_greets = {
          let name = "Bob"
          require(("Hello " + nmae) == "Hello Bob", "greeting")
        }
    """)
    write(pytester.path, "test_math.golo", MATH)
    result = pytester.runpytest()
    outcomes(result, errors=1)
    result.stdout.fnmatch_lines([
        "*ERROR collecting test_typo.golo*",
        f"{path}:5:23: error: undeclared reference 'nmae'",
        "    5 |   require((\"Hello \" + nmae) == \"Hello Bob\", \"greeting\")",
        "      |                       ^~~~",
        "hint: did you mean 'name'?",
    ])
    no_python_frames(result.stdout.str().split("ERRORS")[1].split("short test summary")[0])
    assert result.ret == pytest.ExitCode.INTERRUPTED


def test_a_failing_module_initialiser_is_a_collection_error(pytester, outcomes):
    path = write(pytester.path, "test_init.golo", """\
        module tests.Init

        let TABLE = build()

        function build = {
          raise("cannot build the table")
        }

        function test_table = {
          require(TABLE != null, "table")
        }
    """)
    result = pytester.runpytest()
    outcomes(result, errors=1)
    result.stdout.fnmatch_lines([
        "*ERROR collecting test_init.golo*",
        f"{path}:6:3: error: java.lang.RuntimeException: cannot build the table",
        "Golo stack (most recent call last):",
        f"  {path}:3:13: in module initialisation",
        f"  {path}:6:3: in build",
    ])


# -- module semantics -----------------------------------------------------------------------

def test_tests_run_in_the_directory_of_their_file(pytester, outcomes):
    write(pytester.path, "suite/data.txt", "forty-two\n")
    write(pytester.path, "suite/test_files.golo", """\
        module tests.Files

        let DATA = fileToText("data.txt", "UTF-8")

        function test_module_initialisers_see_the_file = {
          require(DATA: trim() == "forty-two", "module-level read: " + DATA)
        }

        function test_tests_see_the_file = {
          require(fileToText("data.txt", "UTF-8"): trim() == "forty-two", "read in a test")
        }
    """)
    outcomes(pytester.runpytest("suite"), passed=2)
    assert os.getcwd() == str(pytester.path)


def test_module_state_is_shared_by_the_tests_of_a_file(pytester, outcomes):
    write(pytester.path, "test_state.golo", """\
        module tests.State

        var calls = 0

        function test_first = {
          calls = calls + 1
          require(calls == 1, "first test sees a fresh module")
        }

        function test_second = {
          calls = calls + 1
          require(calls == 2, "second test sees the first one's update: " + calls)
        }
    """)
    outcomes(pytester.runpytest(), passed=2)


def test_golo_and_python_tests_run_together_with_imports(pytester, outcomes):
    write(pytester.path, "tests/lib/Greetings.golo", """\
        module Greetings

        function greeting = |name| -> "Hello, " + name + "!"
    """)
    write(pytester.path, "tests/lib/test_greetings.golo", """\
        module tests.UsesGreetings

        import Greetings

        function test_imported_function = {
          require(greeting("Ann") == "Hello, Ann!", "imported greeting")
        }
    """)
    write(pytester.path, "tests/test_python.py", """\
        def test_python_side():
            assert 1 + 1 == 2
    """)
    outcomes(pytester.runpytest("tests"), passed=2)


# -- the Golo thread ------------------------------------------------------------------------

def test_deep_recursion_works_as_under_the_cli(pytester, outcomes):
    write(pytester.path, "test_deep.golo", """\
        module tests.Deep

        function depth = |n| {
          if n == 0 {
            return 0
          }
          return 1 + depth(n - 1)
        }

        function test_twenty_thousand_calls_deep = {
          require(depth(20000) == 20000, "deep recursion")
        }
    """)
    outcomes(pytester.runpytest(), passed=1)


def test_a_runaway_recursion_gives_a_short_report(pytester, outcomes):
    path = write(pytester.path, "test_forever.golo", """\
        module tests.Forever

        function forever = |n| -> 1 + forever(n + 1)

        function test_forever = {
          forever(0)
        }
    """)
    result = pytester.runpytest()
    outcomes(result, failed=1)
    result.stdout.fnmatch_lines([
        f"{path}:3:31: error: java.lang.StackOverflowError",
        "Golo stack (most recent call last):",
        f"  {path}:6:3: in test_forever",
        f"  {path}:3:31: in forever",
        f"  {path}:3:31: in forever",
        f"  {path}:3:31: in forever",
        "  [[]previous frame repeated * more times[]]",
    ])
    assert len(result.outlines) < 60, len(result.outlines)


def test_a_runner_loaded_by_a_module_initialiser_serves_the_tests(pytester, copy_guest,
                                                                 outcomes):
    copy_guest(pytester.path, "hello", "suite")
    write(pytester.path, "suite/test_shared_runner.golo", """\
        module tests.SharedRunner

        let RUNNER = wasmLoad("hello.wasm")

        function test_first_call = {
          require(wasmCallString(RUNNER, "hello", "one") == "Hello, one!!!", "first")
        }

        function test_second_call = {
          require(wasmCallString(RUNNER, "hello", "two") == "Hello, two!!!", "second")
        }
    """)
    outcomes(pytester.runpytest("suite"), passed=2)
