"""The wasm builtins: argument handling against a fake runner, then the real bridge and guests."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from golo_fast import errors, runtime as rt
from tests.conftest import ENGINES

P = rt.PREDEFINED
GUESTS = Path(__file__).resolve().parents[2] / "guests"


class FakeRunner:
    """Records what the builtins ask of a runner (the bridge's Runner API)."""

    def __init__(self):
        self.calls = []
        self.handlers = {}
        self.closed = False

    def has_function(self, name):
        return name == "hello"

    def functions(self):
        return ["hello", "add"]

    def call_string(self, name, text):
        self.calls.append(("string", name, text))
        return f"Hello, {text}!!!"

    def call_bytes(self, name, data):
        self.calls.append(("bytes", name, data))
        return bytes(reversed(data))

    def call(self, name, *args):
        self.calls.append(("call", name, args))
        return sum(args) if name == "add" else (1, 2)

    def register_string_handler(self, fn, name="default"):
        self.handlers[name] = fn

    def close(self):
        self.closed = True


def test_builtins_are_predefined():
    for name in ("wasmLoad", "wasmHasFunction", "wasmFunctions", "wasmCallString",
                 "wasmCallBytes", "wasmCall", "wasmRegisterStringHandler", "wasmClose"):
        assert P[name].__qualname__ == name


def test_calls_against_a_fake_runner():
    r = FakeRunner()
    assert P["wasmHasFunction"](r, "hello") is True
    assert P["wasmFunctions"](r) == rt.Tuple(["hello", "add"])
    assert P["wasmCallString"](r, "hello", "🌸 Alice") == "Hello, 🌸 Alice!!!"
    assert P["wasmCallString"](r, "hello", 42) == "Hello, 42!!!"
    assert P["wasmCallBytes"](r, "echo", rt.GoloList([1, 2, 255])) == rt.Array([255, 2, 1])
    assert P["wasmCallBytes"](r, "echo", "ab") == rt.Array([98, 97])
    assert P["wasmCall"](r, "add", 2, 3) == 5
    assert P["wasmCall"](r, "pair") == rt.Tuple([1, 2])
    P["wasmClose"](r)
    assert r.closed


def test_handlers_default_and_named():
    r = FakeRunner()
    P["wasmRegisterStringHandler"](r, lambda message: "got " + message)
    P["wasmRegisterStringHandler"](r, "log", lambda message: 42)
    assert r.handlers["default"]("x") == "got x"
    assert r.handlers["log"]("x") == "42"          # a non-String reply is rendered


@pytest.mark.parametrize("call, text", [
    (lambda r: P["wasmCallString"](None, "hello", "x"), "wasm runner"),
    (lambda r: P["wasmCallString"](r, 1, "x"), "function name"),
    (lambda r: P["wasmCall"](r, "add", "1"), "numbers"),
    (lambda r: P["wasmCallBytes"](r, "echo", None), "byte values"),
    (lambda r: P["wasmRegisterStringHandler"](r, "not a function"), "function"),
    (lambda r: P["wasmLoad"]("x.wasm", rt.GoloMap({"stdin": 1})), "unknown option"),
    (lambda r: P["wasmLoad"]("x.wasm", rt.GoloMap({"args": "a"})), "args must be a list"),
    (lambda r: P["wasmLoad"]("x.wasm", rt.GoloMap({"env": rt.GoloList()})), "env must be a map"),
    (lambda r: P["wasmLoad"](42), "path must be a String"),
])
def test_argument_errors_are_golo_errors(call, text, golo_error):
    e = golo_error(call, FakeRunner())
    assert isinstance(e, rt.GoloException) and text in e.message


def test_plain_runtime_import_does_not_load_the_bridge():
    code = ("import sys, golo_fast.runtime as rt; rt.PREDEFINED['println']('ok'); "
            "print('golo_fast.wasm' in sys.modules, 'wasmer' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out == "ok\nFalse False\n"


# -- the real bridge --------------------------------------------------------------------------

@pytest.fixture
def at_guests(monkeypatch):
    """wasmLoad paths are relative to the current directory, as in the article."""
    monkeypatch.chdir(GUESTS)


def test_article_hello(at_guests):
    runner = P["wasmLoad"]("./hello.wasm")
    try:
        assert P["wasmHasFunction"](runner, "hello")
        assert not P["wasmHasFunction"](runner, "nope")
        assert "hello" in P["wasmFunctions"](runner)
        for name in ["🌸 Alice", "🤗 Bob", "🥸 Charlie", "🤓 GoloScript User"]:
            assert P["wasmCallString"](runner, "hello", name) == f"Hello, {name}!!!"
    finally:
        P["wasmClose"](runner)


def test_article_host_function(at_guests, capsys):
    runner = P["wasmLoad"]("./host.wasm")

    def handler(message):
        P["println"]("🔵 [HOST] receives: " + message)
        return "🎉 tada!"
    P["wasmRegisterStringHandler"](runner, handler)
    response = P["wasmCallString"](runner, "processWithHost", "Hello (iteration 1)")
    P["wasmClose"](runner)
    assert response == "Result from host: 🎉 tada!"
    assert capsys.readouterr().out == \
        "🔵 [HOST] receives: 👋 [WASM] you send me this: Hello (iteration 1)\n"


def test_named_handlers(at_guests):
    runner = P["wasmLoad"]("named.wasm")
    P["wasmRegisterStringHandler"](runner, "upper", lambda s: s.upper())
    assert P["wasmCallString"](runner, "route", "upper:abc") == "upper -> ABC"
    P["wasmClose"](runner)


def test_numbers_and_bytes(at_guests):
    runner = P["wasmLoad"]("echo.wasm")
    assert P["wasmCall"](runner, "add", 2, 3) == 5
    assert P["wasmCallBytes"](runner, "echo", rt.GoloList([0, 255, 7])) == rt.Array([0, 255, 7])
    P["wasmClose"](runner)


def test_wasi_options(at_guests):
    options = rt.map_literal([
        rt.Tuple(["args", rt.GoloList(["one"])]),
        rt.Tuple(["env", rt.map_literal([rt.Tuple(["HOME", "/home/golo"])])]),
    ])
    runner = P["wasmLoad"]("wasi_probe.wasm", options)
    report = P["wasmCallString"](runner, "probe", "")
    P["wasmClose"](runner)
    assert "home=/home/golo" in report and "argc=2" in report and "passwd=denied" in report


def test_bridge_errors_are_catchable_with_their_message(at_guests, golo_error, ctx):
    e = golo_error(P["wasmLoad"], "does-not-exist.wasm")
    assert isinstance(e, errors.WasmLoadError)
    assert "does-not-exist.wasm" in rt.invoke(ctx, e, "getMessage")
    runner = P["wasmLoad"]("hostile/trap.wasm")
    e = golo_error(P["wasmCallString"], runner, "run", "x")
    assert isinstance(e, errors.WasmTrap) and rt.oftype(e, rt.class_literal("WasmTrap"))
    assert P["wasmCallString"](runner, "ok", "again") == "Hello, again!!!"
    P["wasmClose"](runner)
    e = golo_error(P["wasmCallString"], runner, "ok", "closed")
    assert isinstance(e, errors.RunnerClosedError)
    assert rt.render(e).startswith("RunnerClosedError: ")


def test_golo_output_is_flushed_before_a_guest_writes(at_guests, tmp_path):
    # A WASI guest writes to fd 1 directly: Golo's buffered output must come out first.
    script = (
        "import golo_fast.runtime as rt\n"
        "P = rt.PREDEFINED\n"
        "r = P['wasmLoad']('wasi_probe.wasm')\n"
        "P['println']('before')\n"
        "P['wasmCallString'](r, 'say', 'from guest')\n"
        "P['println']('after')\n"
        "P['wasmCallString'](r, 'say', 'again')\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, cwd=GUESTS).stdout
    assert out == "before\nfrom guest\nafter\nagain\n"


def test_wasi_dirs_option_grants_a_directory(at_guests, tmp_path):
    (tmp_path / "note.txt").write_text("first line\nsecond\n", encoding="utf-8")
    options = rt.map_literal([
        rt.Tuple(["dirs", rt.map_literal([rt.Tuple(["/data", str(tmp_path)])])])])
    runner = P["wasmLoad"]("wasi_probe.wasm", options)
    try:
        assert "file=first line" in P["wasmCallString"](runner, "probe", "/data/note.txt")
    finally:
        P["wasmClose"](runner)
    plain = P["wasmLoad"]("wasi_probe.wasm")
    try:
        assert "file=denied" in P["wasmCallString"](plain, "probe", "/data/note.txt")
    finally:
        P["wasmClose"](plain)


def test_bridge_bugs_are_internal_errors_not_script_errors():
    class BrokenRunner(FakeRunner):
        def call_string(self, name, text):
            raise TypeError("attach() takes exactly 9 arguments (11 given)")

        def close(self):
            raise errors.RunnerClosedError("already closed")
    with pytest.raises(errors.InternalError, match="wasmCallString: the wasm bridge failed"):
        P["wasmCallString"](BrokenRunner(), "hello", "x")
    with pytest.raises(errors.InternalError):
        rt.catch(errors.InternalError("bug"))
    with pytest.raises(errors.RunnerClosedError):           # a GoloError passes untouched
        P["wasmClose"](BrokenRunner())


def test_engine_and_limit_options(at_guests, golo_error):
    for engine in ENGINES:   # the engines this Python can import
        runner = P["wasmLoad"]("hello.wasm", rt.GoloMap({"engine": engine}))
        assert P["wasmCallString"](runner, "hello", engine) == f"Hello, {engine}!!!"
        P["wasmClose"](runner)
    if "wasmer" in ENGINES:
        e = golo_error(P["wasmLoad"], "hello.wasm", rt.GoloMap({"engine": "wasmer", "fuel": 10}))
        assert isinstance(e, errors.WasmUnsupportedError)
    e = golo_error(P["wasmLoad"], "hello.wasm", rt.GoloMap({"fuel": -1}))
    assert "fuel must be a positive integer" in e.message
    e = golo_error(P["wasmLoad"], "hello.wasm", rt.GoloMap({"timeout": True}))
    assert "timeout" in e.message


def test_fuel_stops_a_runaway_guest(at_guests, golo_error):
    runner = P["wasmLoad"]("hostile/infinite_loop.wasm",
                           rt.GoloMap({"engine": "wasmtime", "fuel": 100000}))
    e = golo_error(P["wasmCallString"], runner, "run", "x")
    assert isinstance(e, errors.WasmTimeout) and rt.oftype(e, rt.class_literal("WasmTrap"))
    P["wasmClose"](runner)
