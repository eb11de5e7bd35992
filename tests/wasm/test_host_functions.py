"""String host imports (issue 6): imports (ptr, len) -> () or -> i32 bound at instantiation to
trampolines that find the registered function when the guest calls; unsatisfiable imports
refused at load; every real guest called from Python and from a Golo script."""
from __future__ import annotations

import pytest

from golo_fast import errors, wasm

LOGGERS = ("logger", "as_greet")


@pytest.mark.parametrize("name", LOGGERS)
def test_registering_after_load_works(load, guest, name):
    logged = []
    with load(guest(name)) as r:
        r.register_host_function("env", "log", logged.append)
        assert r.call_string("greet", "🌸 Alice") == "Hello, 🌸 Alice!!!"
        assert logged == ["greet called with 🌸 Alice"]
        # replaced: the trampoline looks the function up at each call
        other = []
        r.register_host_function("env", "log", other.append)
        r.call_string("greet", "Bob")
        assert logged == ["greet called with 🌸 Alice"] and other == ["greet called with Bob"]


@pytest.mark.parametrize("name", LOGGERS)
def test_nothing_registered_is_a_clear_error_after_the_call(load, guest, name):
    with load(guest(name)) as r:
        for _ in range(3):   # the result block is freed each time: the runner keeps working
            with pytest.raises(errors.HandlerError,
                               match=rf"module '{name}.wasm', export 'greet': the guest called "
                                     r"the host function env\.log, but none is registered"):
                r.call_string("greet", "x")
        r.register_host_function("env", "log", lambda m: None)
        assert r.call_string("greet", "after") == "Hello, after!!!"


@pytest.mark.parametrize("name, alloc, free", [("logger", "malloc", "free"),
                                               ("as_greet", "allocate", "deallocate")])
def test_a_failed_import_still_frees_the_result(load, guest, name, alloc, free):
    # 200 failing calls with 64 KiB results: the host frees each before raising, so a fresh
    # 64 KiB block lands where it did before them
    with load(guest(name)) as r:
        def fresh_block() -> int:
            ptr = r.call(alloc, 65_546)
            r.call(free, *((ptr,) if free == "free" else (ptr, 65_546)))
            return ptr

        big = "y" * 65_536
        with pytest.raises(errors.HandlerError):
            r.call_string("greet", big)
        before = fresh_block()
        for _ in range(200):
            with pytest.raises(errors.HandlerError):
                r.call_string("greet", big)
        assert fresh_block() == before


def test_a_raising_host_function_is_a_handler_error(load, guest):
    def boom(message):
        raise KeyError(message)

    with load(guest("logger")) as r:
        r.register_host_function("env", "log", boom)
        with pytest.raises(errors.HandlerError, match=r"host function env\.log raised KeyError"
                           ) as info:
            r.call_string("greet", "x")
        assert isinstance(info.value.__cause__, KeyError)
        r.register_host_function("env", "log", lambda m: None)
        assert r.call_string("greet", "ok") == "Hello, ok!!!"


def test_a_message_that_is_not_utf8(load, guest):
    with load(guest("logger")) as r:
        r.register_host_function("env", "log", lambda m: None)
        with pytest.raises(errors.WasmDecodeError, match=r"message to env\.log is not valid"):
            r.call_bytes("greet", b"\xff")
        assert r.call_bytes("greet", b"\x00") == b"Hello, \x00!!!"


I32_IMPORT = """
  (module
    (import "env" "measure" (func $measure (param i32 i32) (result i32)))
    (import "host" "note" (func $note (param i32 i32)))
    (memory (export "memory") 1)
    (global $r (mut i32) (i32.const 0))
    (func (export "getResultPtr") (result i32) i32.const 0)
    (func (export "getResultLen") (result i32) i32.const 0)
    (func (export "lastResult") (result i32) global.get $r)
    ;; asks the host to measure its input; remembers the answer; notes the input elsewhere
    (func (export "run") (param $p i32) (param $n i32)
      (global.set $r (call $measure (local.get $p) (local.get $n)))
      (call $note (local.get $p) (local.get $n))))"""


def test_i32_result_and_any_namespace(load, wat2wasm):
    notes = []
    with load(wat2wasm(I32_IMPORT), name="i32.wasm") as r:
        r.register_host_function("env", "measure", lambda m: len(m) * 10)
        r.register_host_function("host", "note", notes.append)
        assert r.call_string("run", "héllo") == ""
        assert r.call("lastResult") == 50 and notes == ["héllo"]
        r.register_host_function("env", "measure", lambda m: 0xFFFFFFFF)   # u32 accepted
        r.call_string("run", "x")
        assert r.call("lastResult") == -1
        r.register_host_function("env", "measure", lambda m: None)         # None -> 0
        r.call_string("run", "x")
        assert r.call("lastResult") == 0
        r.register_host_function("env", "measure", lambda m: "text")
        with pytest.raises(errors.HandlerError, match=r"env\.measure returned 'text'"):
            r.call_string("run", "x")
        assert r.call("lastResult") == 1   # the guest got HANDLER_FAILED
        r.register_host_function("env", "measure", lambda m: 2**32)
        with pytest.raises(errors.HandlerError, match="returns an i32"):
            r.call_string("run", "x")


def test_register_host_function_refusals(load, guest):
    with load(guest("host")) as r:
        with pytest.raises(ValueError, match="register_string_handler"):
            r.register_host_function("env", "hostCallStringHandler", lambda m: m)
        with pytest.raises(TypeError):
            r.register_host_function("env", "log", "not callable")
    with pytest.raises(errors.RunnerClosedError):
        r.register_host_function("env", "log", print)


def test_unsatisfiable_imports_are_refused_with_the_whole_list(load, wat2wasm):
    wasm_bytes = wat2wasm("""
      (module
        (import "env" "log" (func (param i32 i32)))
        (import "env" "three" (func (param i32 i32 i32)))
        (import "other" "wide" (func (param i32 i32) (result i64)))
        (import "env" "table" (table 1 funcref))
        (memory (export "memory") 1))""")
    with pytest.raises(errors.WasmLoadError) as info:
        load(wasm_bytes, name="needy.wasm")
    message = str(info.value)
    assert message.startswith("module 'needy.wasm' imports what the host does not provide: ")
    assert "env.three (i32, i32, i32) -> ()" in message
    assert "other.wide (i32, i32) -> (i64)" in message
    assert "env.table (table)" in message
    assert "env.log" not in message   # a string host import is satisfiable


def test_threads_runner_registers_on_its_worker(impl, engine, guest):
    logged = []
    with wasm.load(guest("logger"), threads=True, implementation=impl, engine=engine) as r:
        r.register_host_function("env", "log", logged.append)
        assert r.call_string("greet", "t") == "Hello, t!!!"
    assert logged == ["greet called with t"]


# -- from a Golo script ------------------------------------------------------------------------

SCRIPT = """
module test.RealGuest

function main = |args| {
  let runner = wasmLoad("%(path)s")
  try {
    wasmCallString(runner, "greet", "early")
  } catch (e) {
    println("caught: " + e: getMessage())
  }
  wasmRegisterHostFunction(runner, "env", "log", |message| -> println("log: " + message))
  println(wasmCallString(runner, "%(export)s", "🌸 Golo"))
  wasmClose(runner)
}
"""


def run_golo(tmp_path, monkeypatch, capsys, load, text: str):
    from golo_fast.cli import main
    monkeypatch.setattr(wasm, "load", load)
    script = tmp_path / "script.golo"
    script.write_text(text, encoding="utf-8")
    capsys.readouterr()
    code = main([str(script)])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


@pytest.mark.parametrize("name", ["packed", "packed_alloc", "logger", "as_greet"])
def test_real_guests_from_a_golo_script(tmp_path, monkeypatch, capsys, load, guest, name):
    out = run_golo(tmp_path, monkeypatch, capsys, load,
                   SCRIPT % {"path": guest(name), "export": "greet"})
    lines = out.splitlines()
    if name in LOGGERS:
        assert lines[0].startswith(f"caught: module '{name}.wasm', export 'greet': the guest "
                                   f"called the host function env.log, but none is registered")
        assert lines[1:] == ["log: greet called with 🌸 Golo", "Hello, 🌸 Golo!!!"]
    else:   # no env.log import: the early call succeeds (its result unprinted)
        assert lines == ["Hello, 🌸 Golo!!!"]


def test_golo_builtin_argument_errors(tmp_path, monkeypatch, capsys, load, guest):
    out = run_golo(tmp_path, monkeypatch, capsys, load, """
module test.BadRegister
function main = |args| {
  let runner = wasmLoad("%s")
  try {
    wasmRegisterHostFunction(runner, "env", "log", 42)
  } catch (e) {
    println(e: getMessage())
  }
  try {
    wasmRegisterHostFunction(runner, "env", "hostCallStringHandler", |m| -> m)
  } catch (e) {
    println(e: getMessage())
  }
}
""" % guest("logger"))
    assert out.splitlines() == [
        "wasmRegisterHostFunction: the host function must be a function, not java.lang.Integer",
        "wasmRegisterHostFunction: env.hostCallStringHandler is the article's handler ABI: use "
        "register_string_handler (wasmRegisterStringHandler)"]
