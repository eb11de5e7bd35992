"""Initialization the way each toolchain needs it (issue 6): reactors get `_initialize` once,
command modules (TinyGo, Grain) `_start` before any export, a WASI `proc_exit(0)` during start
is success; AssemblyScript initializes in the wasm start function. (test_wasi.py covers the
exit codes of WASI commands; this file the order and count of initialization.)"""
from __future__ import annotations

import io

import pytest

from golo_fast import errors, wasm
from golo_fast.wasm import WasiConfig

# _initialize / _start count themselves; `state` says how often each ran. `hello` answers only
# once initialized (like a TinyGo reactor, which traps before _initialize).
COUNTING = """
(module
  %(imports)s
  (memory (export "memory") 1)
  (global $init (mut i32) (i32.const 0))
  (global $start (mut i32) (i32.const 0))
  (func (export "state") (result i32)
    (i32.add (i32.mul (global.get $init) (i32.const 10)) (global.get $start)))
  (func (export "getResultPtr") (result i32) i32.const 2048)
  (func (export "getResultLen") (result i32) i32.const 2)
  (func (export "hello") (param i32 i32)
    (if (i32.eqz (i32.add (global.get $init) (global.get $start))) (then unreachable))
    (i32.store16 (i32.const 2048) (i32.const 0x6b6f)))
  %(body)s)
"""


def module(wat2wasm, body: str, imports: str = "") -> bytes:
    return wat2wasm(COUNTING % {"body": body, "imports": imports})


INITIALIZE = '(func (export "_initialize") (global.set $init (i32.add (global.get $init) (i32.const 1))))'
START = '(func (export "_start") (global.set $start (i32.add (global.get $start) (i32.const 1))))'
PROC_EXIT = '(import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))'


def test_reactor_initialized_once_before_any_export(load, wat2wasm):
    with load(module(wat2wasm, INITIALIZE), name="reactor") as r:
        assert r.call("state") == 10
        assert r.call_string("hello", "x") == "ok"
        assert r.call_string("hello", "y") == "ok"
        assert r.call("state") == 10          # never again
        assert r.exit_code is None


def test_command_started_once_before_any_export(load, wat2wasm):
    with load(module(wat2wasm, START), name="command") as r:
        assert r.call("state") == 1
        assert r.call_string("hello", "x") == "ok"
        assert r.exit_code == 0


def test_reactor_wins_over_start(load, wat2wasm):
    with load(module(wat2wasm, INITIALIZE + START), name="both") as r:
        assert r.call("state") == 10


def test_proc_exit_zero_during_start_is_success(load, wat2wasm):
    body = ('(func (export "_start") (global.set $start (i32.const 1)) '
            '(call $exit (i32.const 0)) (global.set $start (i32.const 7)))')
    with load(module(wat2wasm, body, PROC_EXIT), name="exit0") as r:
        assert r.exit_code == 0
        assert r.call("state") == 1            # start ran up to exit(0), not past it
        assert r.call_string("hello", "x") == "ok"


def test_a_failing_initializer_fails_the_load(load, wat2wasm):
    trap = '(func (export "_initialize") unreachable)'
    with pytest.raises(errors.WasmLoadError, match=r"'bad_init': _initialize failed: .*trapped"):
        load(module(wat2wasm, trap), name="bad_init")
    trap = '(func (export "_start") unreachable)'
    with pytest.raises(errors.WasmLoadError, match=r"'bad_start': _start failed: .*trapped"):
        load(module(wat2wasm, trap), name="bad_start")
    exit_in_init = '(func (export "_initialize") (call $exit (i32.const 0)))'
    with pytest.raises(errors.WasmExit, match=r"'exits': _initialize exited with code 0"):
        load(module(wat2wasm, exit_in_init, PROC_EXIT), name="exits")


def test_no_initializer_and_the_wasm_start_function(load, guest):
    # AssemblyScript: no _initialize/_start export, its start function ran at instantiation
    with load(guest("as_greet")) as r:
        r.register_host_function("env", "log", lambda m: None)
        assert r.exit_code is None
        assert r.call_string("greet", "AS") == "Hello, AS!!!"


@pytest.mark.parametrize("name", ["wasi_cmd", "wasi_cmd_exit0"])
def test_command_guests_from_python_and_golo(load, guest, name, tmp_path, monkeypatch, capsys):
    out = io.StringIO()
    with load(guest(name), wasi=WasiConfig(stdout=out)) as r:
        assert out.getvalue() == "started\n" and r.exit_code == 0
        assert r.describe("hello").name == "3-function"
        assert r.call_string("hello", "cmd") == "Hello, cmd!!!"

    from golo_fast.cli import main
    monkeypatch.setattr(wasm, "load", load)
    script = tmp_path / "cmd.golo"
    script.write_text('module test.Cmd\nfunction main = |args| {\n'
                      f'  let r = wasmLoad("{guest(name)}")\n'
                      '  println(wasmCallString(r, "hello", "from Golo"))\n'
                      '  wasmClose(r)\n}\n', encoding="utf-8")
    capsys.readouterr()
    assert main([str(script)]) == 0
    # _start's "started" goes to the process's stdout (fd 1), before the script's line
    assert capsys.readouterr().out.endswith("Hello, from Golo!!!\n")
