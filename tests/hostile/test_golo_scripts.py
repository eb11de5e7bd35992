"""Golo scripts that fail half-way through work on a runner leave no half-written state: an
exception thrown inside a `foreach` over wasm calls, or by a handler closure in the middle of
a guest call, is caught by the script, and the same runner then answers correctly.

Runs the scripts through the CLI's in-process entry on every engine (GOLO_FAST_ENGINE), with
the protocol implementation the switch chose (the scripts cannot pick one).
"""
from __future__ import annotations

import pytest

from golo_fast import cli
from hostile_support import GUESTS

FOREACH_RAISES = """
module hostile.ForeachRaises

function main = |args| {
  let runner = wasmLoad("ECHO")
  let results = list[]
  try {
    foreach word in ["alpha", "beta", "boom", "gamma"] {
      let echoed = wasmCallString(runner, "echo", word + "-" + word)
      if word == "boom" {
        raise("stopped at " + echoed)
      }
      results: add(echoed)
    }
  } catch (e) {
    println("caught: " + e: getMessage())
  }
  println(results: size())
  # a big input after the failure: the input buffer is reused and grown, nothing stale
  let big = wasmCallString(runner, "echo", "x" * 100000)
  println(big: length())
  foreach word in ["after", "again"] {
    println(wasmCallString(runner, "echo", word))
  }
  wasmClose(runner)
}
"""

HANDLER_RAISES = """
module hostile.HandlerRaises

function main = |args| {
  let runner = wasmLoad("HOST")
  let seen = list[]
  wasmRegisterStringHandler(runner, |message| {
    seen: add(message)
    if seen: size() == 3 {
      raise("handler gave up on call " + seen: size())
    }
    return "reply " + seen: size()
  })
  var failures = 0
  foreach i in [1, 2, 3, 4, 5] {
    try {
      println(wasmCallString(runner, "processWithHost", "call " + i))
    } catch (e) {
      failures = failures + 1
      println("caught a failure")
    }
  }
  println(failures)
  println(seen: size())
  wasmClose(runner)
}
"""


@pytest.fixture
def run_script(tmp_path, capsys, monkeypatch, engine):
    monkeypatch.setenv("GOLO_FAST_ENGINE", engine)
    monkeypatch.setenv("GOLO_FAST_NO_CACHE", "1")

    def run(text: str):
        text = text.replace("ECHO", str(GUESTS / "echo.wasm")).replace(
            "HOST", str(GUESTS / "host.wasm"))
        path = tmp_path / "script.golo"
        path.write_text(text, encoding="utf-8")
        capsys.readouterr()
        code = cli.main([str(path)])
        out, err = capsys.readouterr()
        assert code == 0, err
        return out.splitlines()

    return run


def test_raise_inside_a_foreach_over_a_runner(run_script):
    assert run_script(FOREACH_RAISES) == [
        "caught: stopped at boom-boom", "2", "100000", "after", "again"]


def test_handler_raising_in_the_middle_of_a_guest_call(run_script):
    assert run_script(HANDLER_RAISES) == [
        "Result from host: reply 1", "Result from host: reply 2", "caught a failure",
        "Result from host: reply 4", "Result from host: reply 5", "1", "5"]
