"""The command line: exit codes and messages (in-process and as a real process)."""
from __future__ import annotations

import os
import subprocess
import sys

from golo_fast import __version__, cli

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run_cli(capsys, *argv):
    capsys.readouterr()
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path, text, name="prog.golo"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


HELLO = 'module hello\n\nfunction main = |args| {\n  println("hi " + args: length())\n}\n'


def test_runs_a_script(tmp_path, capsys):
    assert run_cli(capsys, write(tmp_path, HELLO), "a", "b") == (0, "hi 2\n", "")


def test_run_subcommand(tmp_path, capsys):
    assert run_cli(capsys, "run", write(tmp_path, HELLO))[:2] == (0, "hi 0\n")


def test_version_names_the_engine(capsys, monkeypatch):
    from golo_fast.wasm._engine import engine_name
    code, out, err = run_cli(capsys, "--version")
    assert (code, err) == (0, "")
    assert out.startswith(f"golo-fast {__version__} (Python ")
    assert f"wasm engine: {engine_name()}," in out
    monkeypatch.setenv("GOLO_FAST_ENGINE", "wasmtime")
    assert "wasm engine: wasmtime," in run_cli(capsys, "--version")[1]
    monkeypatch.setenv("GOLO_FAST_ENGINE", "nosuch")
    assert "wasm engine: none (unknown wasm engine 'nosuch'" in run_cli(capsys, "--version")[1]


def test_missing_file(tmp_path, capsys):
    code, out, err = run_cli(capsys, str(tmp_path / "nope.golo"))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "no such file" in err and "Traceback" not in err


def test_directory(tmp_path, capsys):
    code, out, err = run_cli(capsys, str(tmp_path))
    assert code == 2 and err.count("\n") == 1 and "is a directory" in err


def test_non_utf8(tmp_path, capsys):
    path = tmp_path / "bad.golo"
    path.write_bytes(b"module m\nfunction main = |args| { println(\"\xff\") }\n")
    code, out, err = run_cli(capsys, str(path))
    assert code == 2 and err.count("\n") == 1 and "not UTF-8" in err and "line 2" in err


def test_syntax_error_with_caret(tmp_path, capsys):
    path = write(tmp_path, "module m\n\nfunction main = |args| {\n  let total = 4 * * 2\n}\n")
    code, out, err = run_cli(capsys, path)
    assert code == 1 and out == ""
    assert err.splitlines() == [
        f"{path}:4:19: error: expected an expression, found '*'",
        "    4 |   let total = 4 * * 2",
        "      |                   ^",
    ]


def test_resolve_errors_all_reported(tmp_path, capsys):
    path = write(tmp_path, "module m\nfunction main = |args| {\n  let a = 1\n  a = 2\n"
                           "  println(b)\n}\n")
    code, out, err = run_cli(capsys, path)
    assert code == 1 and out == ""
    assert f"{path}:4:3: error:" in err and f"{path}:5:11: error: undeclared reference 'b'" in err


def test_nothing_runs_when_compilation_fails(tmp_path, capsys):
    path = write(tmp_path, 'module m\nfunction main = |args| {\n  println("ran")\n  x = 1\n}\n')
    code, out, err = run_cli(capsys, path)
    assert code == 1 and out == ""


def test_uncaught_exception_shows_golo_stack(tmp_path, capsys):
    path = write(tmp_path, 'module m\nfunction inner = |x| {\n  raise("boom " + x)\n}\n'
                           'function main = |args| {\n  println("before")\n  inner(7)\n}\n')
    code, out, err = run_cli(capsys, path)
    assert code == 1 and out == "before\n"
    assert err.splitlines() == [
        "Golo stack (most recent call last):",
        f"  {path}:7:3: in main",
        f"  {path}:3:3: in inner",
        "error: java.lang.RuntimeException: boom 7",
    ]


def test_debug_shows_python_frames(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GOLO_FAST_DEBUG", "1")
    path = write(tmp_path, 'module m\nfunction main = |args| {\n  raise("boom")\n}\n')
    code, out, err = run_cli(capsys, path)
    assert code == 1 and "Traceback" in err and 'raise("boom")' in err


def test_no_main(tmp_path, capsys):
    code, out, err = run_cli(capsys, write(tmp_path, "module m\nfunction f = -> 1\n"))
    assert code == 1 and "main" in err


def test_check(tmp_path, capsys):
    good = write(tmp_path, HELLO, "good.golo")
    bad = write(tmp_path, "module m\nfunction main = |args| { x = 1 }\n", "bad.golo")
    assert run_cli(capsys, "check", good) == (0, "", "")
    code, out, err = run_cli(capsys, "check", good, bad)
    assert code == 1 and "bad.golo:2:26: error" in err


def test_emit_python(tmp_path, capsys):
    code, out, err = run_cli(capsys, "--emit-python", write(tmp_path, HELLO))
    assert code == 0 and "def main__1(args):" in out
    compile(out, "emitted.py", "exec")
    code, out2, err = run_cli(capsys, "compile", "--emit", write(tmp_path, HELLO))
    assert code == 0 and out2 == out


def test_usage_errors(capsys):
    assert run_cli(capsys)[0] == 2
    assert run_cli(capsys, "--bogus")[0] == 2
    assert run_cli(capsys, "check")[0] == 2


def test_compiled_module_cache_is_used_and_invalidated(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GOLO_FAST_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("GOLO_FAST_NO_CACHE", raising=False)
    path = write(tmp_path, HELLO)
    assert run_cli(capsys, path)[1] == "hi 0\n"
    assert len(os.listdir(tmp_path / "cache" / "modules")) == 1
    assert run_cli(capsys, path)[1] == "hi 0\n"
    write(tmp_path, HELLO.replace("hi ", "ho "))
    assert run_cli(capsys, path)[1] == "ho 0\n"
    assert len(os.listdir(tmp_path / "cache" / "modules")) == 2


def test_imports_relative_to_the_script_and_cycles(tmp_path, capsys):
    lib = tmp_path / "lib"
    lib.mkdir()
    write(lib, "module lib.Util\nimport Main\nfunction twice = |x| -> x * 2\n"
               "function main = |args| { println(\"not me\") }\n", "Util.golo")
    main = write(tmp_path, "module Main\nimport lib.Util\n"
                           "function main = |args| { println(twice(21)) }\n", "Main.golo")
    assert run_cli(capsys, main) == (0, "42\n", "")


def test_golo_path(tmp_path, capsys, monkeypatch):
    other = tmp_path / "elsewhere"
    other.mkdir()
    write(other, "module far.Away\nfunction hello = -> \"far\"\n", "Away.golo")
    monkeypatch.setenv("GOLO_PATH", str(other))
    main = write(tmp_path, "module Main\nimport far.Away\n"
                           "function main = |args| { println(hello()) }\n", "Main.golo")
    assert run_cli(capsys, main) == (0, "far\n", "")


def test_python_dash_m_is_the_same_program(tmp_path):
    path = write(tmp_path, HELLO)
    env = dict(os.environ, PYTHONPATH=REPO, GOLO_FAST_NO_CACHE="1")
    proc = subprocess.run([sys.executable, "-m", "golo_fast", path, "x"], capture_output=True,
                          text=True, env=env, timeout=60)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "hi 1\n", "")
    proc = subprocess.run([sys.executable, "-m", "golo_fast", str(tmp_path / "missing.golo")],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1


def test_start_up_does_not_import_the_compiler_or_wasm_when_cached(tmp_path):
    path = write(tmp_path, HELLO)
    env = dict(os.environ, PYTHONPATH=REPO, GOLO_FAST_CACHE_DIR=str(tmp_path / "c"))
    env.pop("GOLO_FAST_NO_CACHE", None)
    probe = ("import sys; from golo_fast.cli import main; main([sys.argv[1]]); "
             "print(sorted(m for m in sys.modules if m in ('wasmer', 'ast', "
             "'golo_fast.codegen', 'golo_fast.syntax.parser')))")
    subprocess.run([sys.executable, "-c", probe, path], env=env, timeout=60, check=True,
                   capture_output=True)
    proc = subprocess.run([sys.executable, "-c", probe, path], env=env, timeout=60,
                          capture_output=True, text=True)
    assert proc.stdout.splitlines()[-1] == "[]"
