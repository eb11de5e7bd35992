"""GoloScript against CPython: a wasm call loop, compute kernels, and process start-up.

- Golo loop: `wasmCallString` N times from a Golo function, per iteration, against the same
  `Runner.call_string` N times in a Python loop (the floor), on the same runner.
- Compute: each algorithm of golo/compute.golo against the same one in
  golo/compute_cpython.py.
- Start-up: `golo-fast hello.golo` against `python -c pass` (same interpreter); a script that
  loads a guest, with an empty compiled-module cache and with a warm one, for the committed
  echo.wasm and for a plugin-sized guest; `wasm.load` in-process, cold and warm.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from benchlib import BENCH, guest, measure, measure_pedantic, plugin_sized_wasm

from golo_fast import api, wasm

GOLO = BENCH / "golo"
LOOP_N = 1000
GOLO_LOOP_TARGET = 1.5
COMPUTE_GEOMEAN_TARGET = 2.0     # judged by report.py over all compute rows
HELLO_TARGET = 2.5
WARM_START_TARGET = 0.3
START_ROUNDS = 15


def golo_functions(path: Path) -> dict:
    """Compile a Golo file (no on-disk cache) and return its module functions by name."""
    compiled = api.compile_source(path.read_text(encoding="utf-8"), str(path))
    namespace = {"__name__": f"golo:{compiled.name}"}
    exec(compiled.code, namespace)
    functions = namespace["_ctx"].functions
    return {name: overloads[0][2] for name, overloads in functions.items()}


@pytest.fixture(scope="module")
def loop_golo():
    return golo_functions(GOLO / "loop.golo")


# -- the Golo loop ------------------------------------------------------------------------------

TEXT = "0123456789"


def python_loop(runner):
    def run():
        last = None
        for _ in range(0, LOOP_N):
            last = runner.call_string("echo", TEXT)
        return last
    return run


def test_python_loop(benchmark):
    with wasm.load(guest("echo")) as runner:
        out = measure(benchmark, python_loop(runner), label="Python loop of call_string 10 B",
                      ops=LOOP_N, group="golo loop", floor="call floor 10 B")
    assert out == TEXT


def test_golo_loop(benchmark, loop_golo):
    call_loop = loop_golo["callLoop"]
    with wasm.load(guest("echo")) as runner:
        out = measure(benchmark, lambda: call_loop(runner, LOOP_N, TEXT),
                      label="Golo loop of wasmCallString 10 B", ops=LOOP_N, group="golo loop",
                      floor="Python loop of call_string 10 B", target=GOLO_LOOP_TARGET,
                      paired={"Python loop of call_string 10 B": python_loop(runner)})
    assert out == TEXT


def test_golo_handler_loop(benchmark, loop_golo):
    handler_loop = loop_golo["handlerLoop"]
    with wasm.load(guest("host")) as runner:
        out = measure(benchmark, lambda: handler_loop(runner, LOOP_N, TEXT),
                      label="Golo loop, Golo closure handler 10 B", ops=LOOP_N,
                      group="golo loop", floor="host call floor 10 B")
    assert out == "Result from host: ok"


# -- compute ------------------------------------------------------------------------------------

sys.path.insert(0, str(GOLO))
import compute_cpython as cpython  # noqa: E402  (benchmarks/golo/, beside compute.golo)

# (Golo name, Python function, argument, expected result)
KERNELS = {
    "recursive fib": ("fib", cpython.fib, 20, 6765),
    "integer loop": ("intLoop", cpython.int_loop, 20000, 39998),
    "string building": ("stringBuild", cpython.string_build, 5000, 23890),
    "list/map build+iterate": ("collections", cpython.collections, 5000, 41666665000),
    "closures/HOFs": ("higherOrder", cpython.higher_order, 5000, 18742500),
    "struct fields": ("structs", cpython.structs, 5000, 41666665000),
}


@pytest.fixture(scope="module")
def compute_golo():
    return golo_functions(GOLO / "compute.golo")


@pytest.mark.parametrize("kernel", KERNELS)
def test_compute_cpython(benchmark, kernel):
    _, fn, arg, expected = KERNELS[kernel]
    out = measure(benchmark, lambda: fn(arg), label=f"CPython {kernel}", group="compute")
    assert out == expected


@pytest.mark.parametrize("kernel", KERNELS)
def test_compute_golo(benchmark, compute_golo, kernel):
    name, _, arg, expected = KERNELS[kernel]
    fn = compute_golo[name]
    out = measure(benchmark, lambda: fn(arg), label=f"Golo {kernel}", group="compute",
                  floor=f"CPython {kernel}", compute=True,
                  paired={f"CPython {kernel}": lambda: KERNELS[kernel][1](arg)})
    assert out == expected


# -- start-up -----------------------------------------------------------------------------------

GOLO_FAST = str(Path(sys.executable).parent / "golo-fast")


@pytest.fixture(scope="module")
def start_env(tmp_path_factory):
    """The environment of start-up runs: Golo's compile cache in a private dir (warmed by the
    first run, like any user's second run), the module cache set per test, and Python's
    bytecode cache on (warmed the same way)."""
    env = dict(os.environ)
    env["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    env.pop("GOLO_FAST_NO_CACHE", None)
    # An installed golo-fast has its .pyc files (pip compiles them); without them every start
    # recompiles ~20 modules (measured: +0.2 s). Let the warm-up run write them.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_process(argv: list[str], env: dict) -> str:
    done = subprocess.run(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, check=False)
    assert done.returncode == 0, f"{argv} failed ({done.returncode}): {done.stderr}"
    return done.stdout


def test_start_python(benchmark, start_env):
    out = measure_pedantic(benchmark, lambda: run_process([sys.executable, "-c", "pass"],
                                                          start_env),
                           label="python -c pass", rounds=START_ROUNDS, group="start-up")
    assert out == ""


def test_start_hello(benchmark, start_env):
    argv = [GOLO_FAST, str(GOLO / "hello.golo")]
    run_process(argv, start_env)   # fills the compile cache
    out = measure_pedantic(benchmark, lambda: run_process(argv, start_env),
                           label="golo-fast hello.golo", rounds=START_ROUNDS, group="start-up",
                           floor="python -c pass", target=HELLO_TARGET)
    assert out == "Hello, start-up!\n"


@pytest.fixture(scope="module")
def start_guests(tmp_path_factory) -> dict:
    """The guests a start-up script loads: the committed echo.wasm (2 KB: compiling it takes
    milliseconds, so the process start dominates) and a plugin-sized one (~75 KB: compiling
    it takes a few tenths of a second, which is what the module cache exists to save)."""
    path = tmp_path_factory.mktemp("guests") / "plugin_sized.wasm"
    path.write_bytes(plugin_sized_wasm())
    return {"echo.wasm": guest("echo"), "plugin-sized guest": str(path)}


START_GUESTS = ["echo.wasm", "plugin-sized guest"]


def _wasm_start_argv(path: str) -> list[str]:
    return [GOLO_FAST, str(GOLO / "wasm_start.golo"), path]


@pytest.mark.parametrize("which", START_GUESTS)
def test_start_wasm_cold(benchmark, start_env, start_guests, which, tmp_path):
    argv = _wasm_start_argv(start_guests[which])
    # fills Golo's compile cache (not the module cache the rounds start without)
    run_process(argv, dict(start_env, GOLO_FAST_CACHE_DIR=str(tmp_path / "warm-up")))
    rounds = iter(range(10**6))

    def empty_cache():
        cache = tmp_path / f"cold-{next(rounds)}"
        return (argv, dict(start_env, GOLO_FAST_CACHE_DIR=str(cache))), {}

    out = measure_pedantic(benchmark, run_process, setup=empty_cache,
                           label=f"wasm script start ({which}), cold module cache",
                           rounds=START_ROUNDS, group="start-up", floor="python -c pass")
    assert out == "started\n"


@pytest.mark.parametrize("which", START_GUESTS)
def test_start_wasm_warm(benchmark, start_env, start_guests, which, tmp_path):
    argv = _wasm_start_argv(start_guests[which])
    env = dict(start_env, GOLO_FAST_CACHE_DIR=str(tmp_path / "warm"))
    run_process(argv, env)   # fills both caches
    assert any((tmp_path / "warm").iterdir()), "the module cache stayed empty"
    out = measure_pedantic(benchmark, lambda: run_process(argv, env),
                           label=f"wasm script start ({which}), warm module cache",
                           rounds=START_ROUNDS, group="start-up",
                           floor=f"wasm script start ({which}), cold module cache",
                           target=WARM_START_TARGET, also=[["python -c pass", None]])
    assert out == "started\n"


@pytest.mark.parametrize("cache", ["cold", "warm"])
def test_load_in_process(benchmark, cache, tmp_path):
    """What the module cache itself saves: `wasm.load` in-process, empty cache vs warm."""
    path = guest("echo")
    counter = iter(range(10**6))

    def set_cache_dir():
        name = f"cold-{next(counter)}" if cache == "cold" else "warm"
        os.environ["GOLO_FAST_CACHE_DIR"] = str(tmp_path / name)
        return (), {}

    def load_and_call():
        with wasm.load(path) as runner:
            return runner.call_string("echo", "loaded")

    previous = os.environ.get("GOLO_FAST_CACHE_DIR")
    try:
        if cache == "warm":
            set_cache_dir()
            load_and_call()
        floor = None if cache == "cold" else "wasm.load echo.wasm, cold module cache"
        out = measure_pedantic(benchmark, load_and_call, setup=set_cache_dir,
                               label=f"wasm.load echo.wasm, {cache} module cache", rounds=30,
                               group="start-up", floor=floor)
    finally:
        if previous is None:
            os.environ.pop("GOLO_FAST_CACHE_DIR", None)
        else:
            os.environ["GOLO_FAST_CACHE_DIR"] = previous
    assert out == "loaded"

