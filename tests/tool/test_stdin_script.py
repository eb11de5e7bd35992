"""`golo-fast` with no arguments and input piped in (no terminal) runs the input as a script."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def golo(stdin: bytes, *args):
    return subprocess.run([sys.executable, "-m", "golo_fast", *args], input=stdin, cwd=REPO,
                          capture_output=True, timeout=120)


def test_piped_script_runs_main():
    proc = golo(b'module piped\n\nfunction main = |args| {\n'
                b'  let r = wasmLoad("guests/hello.wasm")\n'
                b'  println(wasmCallString(r, "hello", "stdin") + " " + args: length())\n}\n')
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, b"Hello, stdin!!! 0\n", b"")


def test_piped_script_errors_name_stdin():
    proc = golo(b"module piped\n\nfunction main = |args| {\n  println(nope)\n}\n")
    assert proc.returncode == 1
    assert proc.stderr.decode().startswith("<stdin>:4:11: error: undeclared reference 'nope'\n")


def test_no_main_and_runtime_error():
    proc = golo(b"module piped\n\nfunction f = -> 1\n")
    assert proc.returncode == 1 and b"does not have a `main` function" in proc.stderr
    proc = golo(b'module piped\n\nfunction main = |args| {\n  raise("boom")\n}\n')
    assert proc.returncode == 1
    assert proc.stderr.decode() == ("Golo stack (most recent call last):\n"
                                    "  <stdin>:4:3: in main\n"
                                    "error: java.lang.RuntimeException: boom\n")


def test_nothing_piped_is_a_usage_error():
    proc = golo(b"")
    assert proc.returncode == 2 and proc.stderr.startswith(b"usage: golo-fast")


def test_non_utf8_input_is_one_line():
    proc = golo(b"module x\n\xff\n")
    assert proc.returncode == 2
    assert proc.stderr == (b"golo-fast: error: standard input is not UTF-8 text "
                           b"(invalid byte 0xff at line 2)\n")


def test_lines_that_are_not_a_script_get_a_hint():
    proc = golo(b'println("hi")\n')
    assert proc.returncode == 1
    assert proc.stderr.decode().endswith(
        "hint: piped input runs as a script (`module` ... `function main`); to run lines one "
        "by one, pipe them into `golo-fast repl`\n")
    repl = golo(b'println("hi")\n', "repl")
    assert (repl.returncode, repl.stdout, repl.stderr) == (0, b"hi\n", b"")
