"""The `golo_runner` and `golo_run` fixtures, used from a user's test files (pytester runs).

Each test writes a small test suite under `sub/` and runs pytest from the directory above,
so "relative to the test file" and "relative to the working directory" differ.
"""
from __future__ import annotations

import textwrap

pytest_plugins = ["pytester"]


def write(root, name: str, text: str):
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# -- golo_runner ----------------------------------------------------------------------------

def test_runners_are_closed_after_passing_and_failing_tests(pytester, copy_guest, outcomes):
    copy_guest(pytester.path, "hello", "sub/guests")
    write(pytester.path, "sub/test_cleanup.py", """\
        RUNNERS = []

        def test_passes(golo_runner):
            runner = golo_runner("guests/hello.wasm")
            RUNNERS.append(runner)
            assert runner.call_string("hello", "Bob") == "Hello, Bob!!!"

        def test_raises_with_an_open_runner(golo_runner):
            runner = golo_runner("guests/hello.wasm")
            RUNNERS.append(runner)
            assert not runner.closed
            raise RuntimeError("the test fails after loading")

        def test_assertion_fails_with_two_runners(golo_runner):
            RUNNERS.append(golo_runner("guests/hello.wasm"))
            RUNNERS.append(golo_runner("guests/hello.wasm"))
            assert RUNNERS[-1].call_string("hello", "Ann") == "wrong"

        def test_every_earlier_runner_was_closed():
            assert len(RUNNERS) == 4
            assert [r.closed for r in RUNNERS] == [True, True, True, True]
    """)
    result = pytester.runpytest("-p", "no:randomly")
    outcomes(result, passed=2, failed=2)
    result.stdout.fnmatch_lines(["*RuntimeError: the test fails after loading*"])


def test_a_runner_closed_by_the_test_itself_is_fine(pytester, copy_guest, outcomes):
    copy_guest(pytester.path, "hello", "sub")
    write(pytester.path, "sub/test_closed.py", """\
        import pytest
        from golo_fast.errors import RunnerClosedError

        def test_closing_early(golo_runner):
            with golo_runner("hello.wasm") as runner:
                assert runner.call_string("hello", "x") == "Hello, x!!!"
            with pytest.raises(RunnerClosedError):
                runner.call_string("hello", "x")
    """)
    outcomes(pytester.runpytest(), passed=1)


def test_wasi_is_a_mapping_or_a_wasi_config(pytester, copy_guest, outcomes):
    copy_guest(pytester.path, "wasi_probe", "sub")
    write(pytester.path, "sub/test_wasi.py", """\
        import io
        from golo_fast.wasm import WasiConfig

        def test_sandbox_defaults(golo_runner):
            probe = golo_runner("wasi_probe.wasm")
            assert probe.call_string("probe", "") == (
                "passwd=denied file=<none> env=0 home=<none> argc=1 argv0=wasi_probe.wasm")

        def test_mapping(golo_runner):
            probe = golo_runner("wasi_probe.wasm",
                                wasi={"env": {"HOME": "/home/golo"}, "args": ["--fast"]})
            report = probe.call_string("probe", "")
            assert "env=1 home=/home/golo argc=2" in report

        def test_config_capturing_stdout(golo_runner):
            out = io.StringIO()
            probe = golo_runner("wasi_probe.wasm", wasi=WasiConfig(stdout=out))
            probe.call_string("say", "hi there")
            assert out.getvalue() == "hi there\\n"
    """)
    outcomes(pytester.runpytest(), passed=3)


def test_absolute_paths_bytes_and_load_errors(pytester, copy_guest, outcomes):
    guest = copy_guest(pytester.path, "hello", "elsewhere")
    write(pytester.path, "sub/test_sources.py", f"""\
        import pytest
        from pathlib import Path
        from golo_fast.errors import WasmLoadError

        GUEST = {str(guest)!r}

        def test_absolute_path(golo_runner):
            assert golo_runner(GUEST).call_string("hello", "a") == "Hello, a!!!"

        def test_path_object_and_bytes(golo_runner):
            assert golo_runner(Path(GUEST)).call_string("hello", "b") == "Hello, b!!!"
            runner = golo_runner(Path(GUEST).read_bytes(), name="hello")
            assert runner.call_string("hello", "c") == "Hello, c!!!"

        def test_relative_to_the_test_file_not_the_working_directory(golo_runner):
            with pytest.raises(WasmLoadError) as info:
                golo_runner("elsewhere/hello.wasm")
            assert str(Path(__file__).parent / "elsewhere" / "hello.wasm") in str(info.value)
    """)
    outcomes(pytester.runpytest(), passed=3)


# -- golo_run -------------------------------------------------------------------------------

def test_golo_run_on_source_text(pytester, outcomes):
    write(pytester.path, "sub/test_source.py", '''\
        HELLO = """
        module Hello

        function main = |args| {
          println("Hello " + args: get(0) + " and " + args: get(1))
        }
        """

        def test_runs_source_text_with_arguments(golo_run):
            result = golo_run(HELLO, "Bob", 42)
            assert (result.exit_code, result.stdout, result.stderr) == (
                0, "Hello Bob and 42\\n", "")

        def test_stdin_reaches_readln(golo_run):
            result = golo_run("""
        module Ask
        function main = |args| {
          let name = readln()
          println("Hi " + name + "!")
        }
        """, stdin="Ann\\n")
            assert result.exit_code == 0, result.stderr
            assert result.stdout == "Hi Ann!\\n"

        def test_compile_error_in_source_text(golo_run):
            result = golo_run("""module Typo

        function main = |args| {
          println(nmae)
        }
        """)
            assert result.exit_code == 1
            assert result.stdout == ""
            first = result.stderr.splitlines()[0]
            assert first.endswith("script.golo:4:11: error: undeclared reference 'nmae'"), first
            assert "    4 |   println(nmae)" in result.stderr
    ''')
    outcomes(pytester.runpytest(), passed=3)


def test_golo_run_on_a_failing_script(pytester, copy_guest, outcomes):
    copy_guest(pytester.path, "hello", "sub/guests")
    write(pytester.path, "sub/scripts/count.golo", """\
        module Count

        function check = |n| {
          if n > 2 {
            raise("too big: " + n)
          }
          return n
        }

        function main = |args| {
          let runner = wasmLoad("guests/hello.wasm")
          println(wasmCallString(runner, "hello", "counter"))
          foreach i in [1..3] {
            println(check(i))
          }
        }
    """)
    write(pytester.path, "sub/test_scripts.py", """\
        from pathlib import Path

        def test_failing_script(golo_run):
            result = golo_run("scripts/count.golo")
            assert result.exit_code == 1
            assert result.stdout == "Hello, counter!!!\\n1\\n2\\n"
            lines = result.stderr.splitlines()
            assert lines[0] == "Golo stack (most recent call last):"
            assert lines[1].endswith("count.golo:14:5: in main"), lines
            assert lines[2].endswith("count.golo:5:5: in check"), lines
            assert lines[-1] == "error: java.lang.RuntimeException: too big: 3"
            assert "Traceback" not in result.stderr

        def test_path_object_and_env(golo_run):
            script = Path(__file__).parent / "scripts" / "count.golo"
            result = golo_run(script, env={"GOLO_FAST_DEBUG": "1"})
            assert result.exit_code == 1
            assert "Traceback (most recent call last)" in result.stderr

        def test_missing_script(golo_run):
            result = golo_run("scripts/nothing.golo")
            assert result.exit_code == 2
            assert "nothing.golo': no such file" in result.stderr

        def test_working_directory_can_be_changed(golo_run):
            result = golo_run("scripts/count.golo", cwd=Path(__file__).parent / "scripts")
            assert result.exit_code == 1
            assert "guests/hello.wasm" in result.stderr
    """)
    outcomes(pytester.runpytest(), passed=4)


def test_a_guest_trap_is_a_wasm_trap_with_pytests_faulthandler_on(pytester, copy_guest,
                                                                  outcomes):
    # A user's run keeps pytest's faulthandler (enabled before any engine is loaded): the
    # engine's trap handling must still turn `unreachable` into WasmTrap, not a crash.
    copy_guest(pytester.path, "hostile/trap", "sub")
    write(pytester.path, "sub/test_trap.py", """\
        import faulthandler
        import pytest
        from golo_fast.errors import WasmTrap

        def test_trap_then_more_calls(golo_runner):
            assert faulthandler.is_enabled()
            runner = golo_runner("trap.wasm")
            with pytest.raises(WasmTrap):
                runner.call_string("run", "x")
            assert runner.call_string("ok", "y") is not None
    """)
    # `-p faulthandler` undoes the `-p no:faulthandler` the other inner runs get
    outcomes(pytester.runpytest_subprocess("-p", "faulthandler"), passed=1)
