"""Diagnostics in colour on a terminal, plain text otherwise and whenever NO_COLOR is set."""
from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest

from golo_fast import api, diagnostics
from golo_fast.errors import GoloCompileError

REPO = Path(__file__).resolve().parents[2]
SGR = re.compile(r"\x1b\[[0-9;]*m")

BAD = 'module hello\n\nfunction main = |args| {\n  let name = "x"\n  println("Hello " + nmae)\n}\n'
PLAIN = ("{path}:5:22: error: undeclared reference 'nmae'\n"
         "    5 |   println(\"Hello \" + nmae)\n"
         "      |                      ^~~~\n"
         "hint: did you mean 'name'?\n")
THROWS = 'module boom\n\nfunction main = |args| {\n  raise("boom")\n}\n'


def compile_error(text: str) -> GoloCompileError:
    with pytest.raises(GoloCompileError) as info:
        api.compile_source(text, "hello.golo")
    return info.value


def test_plain_text_is_the_documented_format():
    assert diagnostics.format_compile_error(compile_error(BAD)) == PLAIN.format(path="hello.golo")


def test_colour_is_the_plain_text_plus_styles():
    err = compile_error(BAD)
    coloured = diagnostics.format_compile_error(err, colour=True)
    assert SGR.sub("", coloured) == diagnostics.format_compile_error(err)
    assert "\x1b[1;31merror:\x1b[0m" in coloured               # the label in red
    assert "+ \x1b[1;31mnmae\x1b[0m)" in coloured               # the span in the source line
    assert "\x1b[1;32m^~~~\x1b[0m" in coloured                  # the caret
    assert "\x1b[1;36mhint:\x1b[0m did you mean 'name'?" in coloured


def test_runtime_error_colour():
    try:
        raise ValueError("x")
    except ValueError as e:
        exc = e
    plain = diagnostics.format_runtime_error("java.lang.RuntimeException: boom", exc)
    coloured = diagnostics.format_runtime_error("java.lang.RuntimeException: boom", exc,
                                                colour=True)
    assert plain == "error: java.lang.RuntimeException: boom\n"
    assert SGR.sub("", coloured) == plain and coloured != plain


def run_on_terminal(args, env):
    """Run golo-fast with stderr on a pseudo-terminal (stdout piped); return stderr's text."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "golo_fast", *args], cwd=REPO, env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 30)
        if not ready:
            break
        try:
            data = os.read(master, 4096)
        except OSError:       # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    proc.wait(timeout=30)
    return proc.returncode, b"".join(chunks).decode().replace("\r\n", "\n")


@pytest.fixture
def env(tmp_path):
    env = dict(os.environ, GOLO_FAST_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("NO_COLOR", None)
    return env


@pytest.mark.parametrize("source, expected_plain", [
    (BAD, PLAIN),
    (THROWS, "Golo stack (most recent call last):\n  {path}:4:3: in main\n"
             "error: java.lang.RuntimeException: boom\n"),
])
def test_terminal_pipe_and_no_color(source, expected_plain, tmp_path, env):
    script = tmp_path / "prog.golo"
    script.write_text(source, encoding="utf-8")
    plain = expected_plain.format(path=script)

    code, text = run_on_terminal([str(script)], env)
    assert code == 1
    assert SGR.search(text), "a terminal gets colour"
    assert SGR.sub("", text) == plain

    code, text = run_on_terminal([str(script)], dict(env, NO_COLOR="1"))
    assert (code, text) == (1, plain)

    piped = subprocess.run([sys.executable, "-m", "golo_fast", str(script)], cwd=REPO, env=env,
                           capture_output=True, timeout=60)
    assert (piped.returncode, piped.stderr.decode()) == (1, plain)


def test_empty_no_color_does_not_disable_colour(tmp_path, env):
    """no-color.org: NO_COLOR disables colour when it is present *and not empty*."""
    script = tmp_path / "prog.golo"
    script.write_text(BAD, encoding="utf-8")
    _, text = run_on_terminal([str(script)], dict(env, NO_COLOR=""))
    assert SGR.search(text)
