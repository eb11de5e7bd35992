"""The interactive REPL driven through a pseudo-terminal (pexpect), as a user would type.

prompt_toolkit redraws with escape sequences (the prompt is `golo>` followed by a cursor
move), so the tests match on the visible words and strip ANSI sequences from transcripts.
"""
from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect", reason="pexpect is in the test extra (pip install "
                                                ".[test]); it drives the REPL through a PTY")

REPO = Path(__file__).resolve().parents[2]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\r")
PROMPT = "golo>"
CONT = r"\.\.\."


def strip(text: str) -> str:
    return ANSI.sub("", text)


@pytest.fixture
def data_home(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def spawn(data_home, tmp_path):
    children = []

    def start(*args, env=None):
        full_env = dict(os.environ, XDG_DATA_HOME=str(data_home), TERM="xterm",
                        PROMPT_TOOLKIT_NO_CPR="1", GOLO_FAST_CACHE_DIR=str(tmp_path / "cache"))
        full_env.pop("NO_COLOR", None)
        full_env.update(env or {})
        child = pexpect.spawn(sys.executable, ["-m", "golo_fast", *args], env=full_env,
                              cwd=str(REPO), encoding="utf-8", timeout=30,
                              dimensions=(40, 160))
        children.append(child)
        child.expect(PROMPT)
        return child

    yield start
    for child in children:
        if child.isalive():
            child.terminate(force=True)


def test_multiline_function_then_call_then_quit(spawn, data_home):
    child = spawn()          # no arguments on a terminal: the REPL
    child.send("function square = |x| {\r")
    child.expect(CONT)       # the block is open: a continuation line, nothing evaluated
    child.send("let y = x * x\r")
    child.expect(CONT)
    child.send("return y\r")
    child.expect(CONT)
    child.send("}\r")
    child.expect(PROMPT)
    child.send("square(12) + 1\r")
    child.expect(r"145\r?\n")
    child.expect(PROMPT)
    child.send(":quit\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    history = (data_home / "golo-fast" / "repl_history").read_text(encoding="utf-8")
    assert "+function square = |x| {\n+  let y = x * x\n" in history
    assert "+square(12) + 1\n" in history


def test_error_then_recovery(spawn):
    child = spawn("repl")
    child.send("let name = 41\r")
    child.expect(PROMPT)
    child.send("nmae + 1\r")
    child.expect("did you mean 'name'")
    transcript = strip(child.before + child.after)
    assert "<input-2>:1:1: " in transcript and "undeclared reference 'nmae'" in transcript
    assert "^~~~" in transcript
    assert "\x1b[1;31merror:\x1b[0m" in child.before    # stderr is the terminal: colour
    child.expect(PROMPT)
    child.send("name + 1\r")
    child.expect(r"42\r?\n")
    child.expect(PROMPT)
    child.send('raise("boom")\r')
    child.expect(r"java.lang.RuntimeException: boom")
    child.expect(PROMPT)
    child.send("name\r")
    child.expect(r"41\r?\n")
    child.expect(PROMPT)
    child.sendeof()                      # Ctrl-D leaves
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_wasm_call(spawn):
    child = spawn("repl")
    child.send('let r = wasmLoad("guests/hello.wasm")\r')
    child.expect(PROMPT)
    child.send('wasmCallString(r, "hello", "Bob")\r')
    child.expect(r"Hello, Bob!!!")
    child.expect(PROMPT)
    child.send('wasmCallString(r, "helo", "Bob")\r')
    child.expect(r"did you mean 'hello'\?")
    child.expect(PROMPT)
    child.send(":quit\r")
    child.expect(pexpect.EOF)


def test_ctrl_c_interrupts_a_loop_and_clears_a_line(spawn):
    child = spawn("repl")
    child.send("var n = 0\r")
    child.expect(PROMPT)
    child.send("while true { n = n + 1 }\r")
    time.sleep(1.0)                      # the loop is running

    child.sendintr()
    child.expect("interrupted")
    child.expect(PROMPT)
    child.send("n > 0\r")
    child.expect(r"true\r?\n")
    child.expect(PROMPT)
    child.send("this line is abandoned")
    child.sendintr()                     # Ctrl-C at the prompt clears the input
    child.expect(PROMPT)
    child.send("1 + 1\r")
    child.expect(r"2\r?\n")
    child.expect(PROMPT)
    child.send(":quit\r")
    child.expect(pexpect.EOF)


def test_highlighting_and_help(spawn):
    child = spawn("repl")
    child.send("function")
    # GoloLexer styles the keyword: the echo of the word carries an SGR colour sequence
    child.expect(r"\x1b\[[0-9;]*m[^\x1b]*function")
    child.send("\x15")                   # Ctrl-U: drop the line
    child.send(":help\r")
    child.expect(r":load FILE\.golo")
    child.expect(PROMPT)
    child.send(":quit\r")
    child.expect(pexpect.EOF)


def test_load_command(spawn, tmp_path):
    lib = tmp_path / "lib.golo"
    lib.write_text("module lib\n\nfunction twice = |x| -> x * 2\n", encoding="utf-8")
    child = spawn("repl")
    child.send(f":load {lib}\r")
    child.expect(r"loaded .*lib\.golo \(1 declaration\)")
    child.expect(PROMPT)
    child.send("twice(21)\r")
    child.expect(r"42\r?\n")
    child.expect(PROMPT)
    child.send(":quit\r")
    child.expect(pexpect.EOF)


def test_tab_completes_declared_names(spawn):
    child = spawn("repl")
    child.send("function fibonacci = |n| -> n * 2\r")
    child.expect(PROMPT)
    child.send("fibo\t")
    time.sleep(1.0)                      # completion runs asynchronously
    child.send("(21)\r")
    child.expect(r"42\r?\n")
    child.expect(PROMPT)
    child.send(":qu\t")
    time.sleep(1.0)
    child.send("\r")
    child.expect(pexpect.EOF)
