"""What only the wasmtime engine does: limits (timeout, fuel, memory), its C-level fast path and
the checks that guard it, its cache entries, any-thread runners, host-function failures.

The shared suite (test_api, test_hostile, ...) already runs on wasmtime through the `engine`
fixture; this file covers the rest, on both protocol implementations (`impl`).
"""
from __future__ import annotations

import functools
import io
import os
import subprocess
import sys
import threading
import time

import pytest

pytest.importorskip("wasmtime", reason="the wasmtime package is not installed")

from golo_fast import errors, wasm  # noqa: E402
from golo_fast.wasm import _cache, _engine, _engine_wasmtime  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture
def wt_load(impl):
    """`wasm.load` on wasmtime with the implementation under test."""
    return functools.partial(wasm.load, implementation=impl, engine="wasmtime")


def assert_still_works(r):
    assert r.call_string("ok", "after") == "Hello, after!!!"


# -- limits ------------------------------------------------------------------------------------

def test_timeout_ends_an_infinite_loop(wt_load, guest):
    with wt_load(guest("hostile/infinite_loop"), timeout=0.2) as r:
        for _ in range(2):   # and again: the deadline is set for each call
            started = time.monotonic()
            with pytest.raises(errors.WasmTimeout,
                               match=r"'infinite_loop.wasm', export 'run': the guest ran out of "
                                     r"time \(timeout 0.2 s per call\)") as info:
                r.call_string("run", "x")
            assert 0.15 < time.monotonic() - started < 5
            assert isinstance(info.value, errors.WasmTrap)   # a timeout is a trap
            assert_still_works(r)


def test_fuel_ends_an_infinite_loop_and_is_per_call(wt_load, guest):
    with wt_load(guest("hostile/infinite_loop"), fuel=100_000) as r:
        with pytest.raises(errors.WasmTimeout,
                           match=r"'run': the guest ran out of fuel \(100000 units per call\)"):
            r.call_string("run", "x")
        for _ in range(50):   # each call starts with the full budget
            assert_still_works(r)


def test_limits_leave_normal_calls_alone(wt_load, guest):
    with wt_load(guest("hello"), fuel=10_000_000, timeout=5, max_pages=100) as r:
        assert r.call_string("hello", "limited") == "Hello, limited!!!"
        assert r.call_string("hello", "é" * 50_000) == f"Hello, {'é' * 50_000}!!!"


def test_memory_limit_stops_a_growing_guest(wt_load, guest):
    # grow_max grows to 10 pages inside `run` and traps when memory.grow fails
    with wt_load(guest("hostile/grow_max"), max_pages=5) as r:
        with pytest.raises(errors.WasmTrap,
                           match=r"'run': guest trapped: .*unreachable.*\(memory limit: "
                                 r"max_pages=5; the guest's memory has 3 pages"):
            r.call_string("run", "abc")
        assert_still_works(r)
    with wt_load(guest("hostile/grow_max"), max_pages=10) as r:
        assert r.call_string("run", "abc") == "grown:abc"


def test_memory_limit_below_the_module_minimum_fails_the_load(wt_load, guest):
    with pytest.raises(errors.WasmLoadError,
                       match=r"'grow_max.wasm': cannot instantiate: .*3 pages.*\(memory limit: "
                             r"max_pages=2\)"):
        wt_load(guest("hostile/grow_max"), max_pages=2)


@pytest.mark.parametrize("limits, message", [
    ({"fuel": 0}, "fuel must be a positive number, not 0"),
    ({"timeout": -1}, "timeout must be a positive number, not -1"),
    ({"max_pages": "ten"}, "max_pages must be a positive number, not 'ten'"),
    ({"fuel": True}, "fuel must be a positive number, not True"),
])
def test_bad_limits(wt_load, guest, limits, message):
    with pytest.raises(ValueError, match=message):
        wt_load(guest("hello"), **limits)


def test_wasmer_refuses_limits(guest):
    pytest.importorskip("wasmer", reason="wasmer is not importable on this Python (<= 3.10 only)")
    for limits in ({"fuel": 10}, {"timeout": 1.0}, {"max_pages": 4}):
        with pytest.raises(errors.WasmUnsupportedError,
                           match=f"{next(iter(limits))}: not supported by this engine "
                                 r"\(wasmer\)"):
            wasm.load(guest("hello"), engine="wasmer", **limits)


# -- limits from Golo --------------------------------------------------------------------------

GOLO_TIMEOUT = """module TimeoutFromGolo

function main = |args| {
  let runner = wasmLoad("%(guest)s", map[["engine", "wasmtime"], ["timeout", 0.2]])
  try {
    wasmCallString(runner, "run", "x")
    println("no timeout?")
  } catch (e) {
    println("caught: " + e: getMessage())
  }
  println(wasmCallString(runner, "ok", "again"))
  let fueled = wasmLoad("%(guest)s", map[["engine", "wasmtime"], ["fuel", 50000]])
  try {
    wasmCallString(fueled, "run", "x")
  } catch (e) {
    println("caught: " + e: getMessage())
  }
  wasmClose(fueled)
  wasmClose(runner)
}
"""


def run_golo(tmp_path, text: str) -> str:
    from golo_fast import cli
    script = tmp_path / "script.golo"
    script.write_text(text, encoding="utf-8")
    out = io.StringIO()
    previous = sys.stdout
    sys.stdout = out
    try:
        code = cli.main([str(script)])
    finally:
        sys.stdout = previous
    assert code == 0, out.getvalue()
    return out.getvalue()


def test_a_script_catches_a_timeout(tmp_path, guest):
    output = run_golo(tmp_path, GOLO_TIMEOUT % {"guest": guest("hostile/infinite_loop")})
    lines = output.splitlines()
    assert "ran out of time" in lines[0] and lines[0].startswith("caught: ")
    assert lines[1] == "Hello, again!!!"
    assert "ran out of fuel (50000 units per call)" in lines[2]


def test_a_script_gets_a_clear_error_for_bad_options(tmp_path, guest):
    text = ('module BadOption\n\nfunction main = |args| {\n  try {\n    wasmLoad("%s", '
            'map[["fuel", "lots"]])\n  } catch (e) {\n    println(e: getMessage())\n  }\n}\n'
            % guest("hello"))
    assert run_golo(tmp_path, text).strip() == \
        "wasmLoad: option fuel must be a positive integer, not lots"


# -- the fast path -----------------------------------------------------------------------------

def test_the_compiled_protocol_uses_the_c_level_session(guest):
    from golo_fast import _accel
    if _accel.NO_EXTENSIONS:
        pytest.skip("GOLO_FAST_NO_EXTENSIONS=1 turns the fast path off (the twin path runs)")
    if not wasm.ACCELERATED:
        pytest.fail("the Cython extensions are not built")
    assert _engine_wasmtime.FAST_PATH, _engine_wasmtime.FAST_PATH_PROBLEM
    with wasm.load(guest("hello"), engine="wasmtime", implementation="cython") as r:
        assert r.engine == "wasmtime"
        assert type(r._session).__module__ == "golo_fast._wasmtime_call"
    with wasm.load(guest("hello"), engine="wasmtime", implementation="python") as r:
        assert type(r._session).__module__ == "golo_fast._memproto_py"


def test_bind_refuses_mismatched_layouts():
    from wasmtime import _ffi

    from golo_fast import _wasmtime_call
    engine = _engine_wasmtime
    sizes = {"wasmtime_func_t": 16, "wasmtime_memory_t": 24, "wasmtime_val_raw_t": 16,
             "wasm_byte_vec_t": 16}
    args = (engine.GuestTrapped, engine.host_function_raised, engine._take_last_exception)
    assert _wasmtime_call.bind(str(_ffi.filename), sizes, *args) == ""
    assert _wasmtime_call.bind(str(_ffi.filename), dict(sizes, wasmtime_func_t=24), *args) == \
        "wasmtime_func_t is 24 bytes in wasmtime-py, 16 here"
    assert "is not loaded" in _wasmtime_call.bind("/nonexistent/libwasmtime.so", sizes, *args)


def probe(code: str, **env) -> str:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("GOLO_FAST_")}
    environment.update(env)
    out = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True,
                         text=True, check=True, cwd=REPO)
    return out.stdout.strip()


def test_without_extensions_the_twin_path_serves_wasmtime():
    # the public-API path: no C-level session, calls through wasmtime-py's Func
    out = probe("from golo_fast import wasm; from golo_fast.wasm import _engine_wasmtime as e; "
                "r = wasm.load('guests/hello.wasm', engine='wasmtime'); "
                "print(e.FAST_PATH, type(r._session).__module__, r.call_string('hello', 'x'))",
                GOLO_FAST_NO_EXTENSIONS="1")
    assert out == "False golo_fast._memproto_py Hello, x!!!"


def test_traps_survive_a_faulthandler_reset():
    # faulthandler enabled before wasmtime, then disable() + enable() after it (an in-process
    # pytest run does this): signal-based traps would now kill the process
    out = probe("import faulthandler; faulthandler.enable()\n"
                "from golo_fast import wasm, errors\n"
                "r = wasm.load('guests/hostile/trap.wasm', engine='wasmtime')\n"
                "faulthandler.disable(); faulthandler.enable()\n"
                "try:\n    r.call_string('run', 'x')\n"
                "except errors.WasmTrap as e:\n    print(type(e).__name__)\n"
                "print(r.call_string('ok', 'alive'))")
    assert out == "WasmTrap\nHello, alive!!!"


def test_closed_runner_refuses_calls_and_frees_nothing_early(wt_load, guest):
    r = wt_load(guest("echo"))
    call_bytes = r.call_bytes   # the session's bound method, kept past close
    r.close()
    import gc
    gc.collect()
    for attempt in (lambda: call_bytes("echo", b"x"), lambda: r.call("add", 1, 2),
                    lambda: r.call_string("echo", "x")):
        with pytest.raises(errors.RunnerClosedError):
            attempt()


def test_closed_runners_free_their_stores(wt_load, guest):
    # wasmtime-py's table of host functions references the session (and the WASI capture);
    # a closed runner must not stay reachable through it with its store
    import gc

    import wasmtime

    def stores():
        gc.collect()
        return sum(1 for o in gc.get_objects() if isinstance(o, wasmtime.Store))

    before = stores()
    for _ in range(30):
        with wt_load(guest("wasi_probe"), wasi=wasm.WasiConfig(stdout=io.StringIO())) as r:
            r.call_string("say", "x")
        with wt_load(guest("host")) as r:
            r.register_string_handler(str.upper)
            r.call_string("processWithHost", "x")
    assert stores() <= before


def test_handles_stay_with_their_store(wt_load, guest):
    # two runners of one module: each call uses its own store (mixing them would abort)
    with wt_load(guest("echo")) as a, wt_load(guest("echo")) as b:
        for i in range(100):
            assert a.call_bytes("echo", b"a%d" % i) == b"a%d" % i
            assert b.call_bytes("echo", b"b%d" % i) == b"b%d" % i
            assert a.call("add", i, 1) == i + 1


def test_many_traps_leave_the_runner_working(wt_load, guest):
    with wt_load(guest("hostile/trap")) as r:
        for _ in range(2000):
            with pytest.raises(errors.WasmTrap):
                r.call_string("run", "x")
        assert_still_works(r)


# -- host functions, threads, cache ------------------------------------------------------------

class Exploding(io.StringIO):
    def write(self, text):
        raise OSError("disk on fire")


def test_a_raising_host_function_becomes_a_handler_error(wt_load, guest):
    # the stdout capture's fd_write is a host function; its sink raising reaches wasmtime-py's
    # trampoline, which parks the exception: the call raises HandlerError chained to it
    with wt_load(guest("wasi_probe"), wasi=wasm.WasiConfig(stdout=Exploding())) as r:
        with pytest.raises(errors.HandlerError, match="'say': a host function raised OSError: "
                                                      "disk on fire") as info:
            r.call_string("say", "x")
        causes = []
        cause = info.value.__cause__
        while cause is not None:
            causes.append(cause)
            cause = cause.__cause__
        assert any(isinstance(c, OSError) and str(c) == "disk on fire" for c in causes)


def test_a_runner_serves_any_thread(wt_load, guest):
    results = []
    with wt_load(guest("echo")) as r:
        def work(n):
            for i in range(200):
                assert r.call_bytes("echo", b"%d-%d" % (n, i)) == b"%d-%d" % (n, i)
            results.append(n)
        threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert sorted(results) == [0, 1, 2, 3]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv("GOLO_FAST_CACHE_DIR", str(directory))
    monkeypatch.delenv("GOLO_FAST_NO_CACHE", raising=False)
    return directory


def test_cache_entries_per_engine_configuration(wt_load, guest, cache, monkeypatch):
    with open(guest("hello"), "rb") as f:
        data = f.read()
    with wt_load(data) as r:
        assert r.call_string("hello", "a") == "Hello, a!!!"
    with wt_load(data, fuel=10**9) as r:   # fuel changes the compiled code: its own entry
        assert r.call_string("hello", "b") == "Hello, b!!!"
    names = sorted(p.name for p in cache.iterdir() if not p.name.startswith("."))
    tags = [_engine.select_engine("wasmtime").cache_tag,
            _engine.select_engine("wasmtime", _engine.Limits(fuel=1)).cache_tag]
    assert "wasmtime-py 50." in tags[0] and tags[0] != tags[1]
    assert names == sorted(_cache.cache_key(data, tag).hex() + ".wasmtime" for tag in tags)

    def refuse(self, wasm_bytes):
        raise AssertionError("compiled although a valid cache entry exists")

    monkeypatch.setattr(_engine_wasmtime.WasmtimeEngine, "compile", refuse)
    with wt_load(data) as r:
        assert r.call_string("hello", "c") == "Hello, c!!!"


def test_text_format_is_not_accepted_as_wasm(wt_load):
    # wasmtime-py would compile WAT text handed over as bytes; a .wasm must be binary
    with pytest.raises(errors.WasmLoadError, match="not a valid wasm module"):
        wt_load(b'(module (func (export "f")))')
