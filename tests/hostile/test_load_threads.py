"""Load, leaks and threads.

- `slow` (bounded; CI runs them): 10,000 load/call/close cycles and 1,000,000 calls on one
  runner keep the process's RSS flat after warm-up (psutil); the figures are printed (`-s`)
  and recorded in the README's Guarantees section. GOLO_FAST_LOAD_SCALE=N multiplies the sizes.
- Handlers that close over large objects are freed once the runner is closed (weakref).
- Four threads hammering one shared runner while four others each use their own: every
  result is the right one.
"""
from __future__ import annotations

import gc
import os
import threading
import weakref

import psutil
import pytest

from golo_fast import wasm

SCALE = float(os.environ.get("GOLO_FAST_LOAD_SCALE", "1"))
MIB = 1024 * 1024
RSS_GROWTH_LIMIT = 4 * MIB


def rss() -> int:
    gc.collect()
    return psutil.Process().memory_info().rss


# Calls per implementation and engine for the million-call test: a million where a call costs
# microseconds; the twin over wasmtime-py's public call path costs ~200 µs a call, so it runs
# 10,000 (still 10× the warm-up).
CALLS = {("cython", "wasmer"): 1_000_000, ("cython", "wasmtime"): 1_000_000,
         ("python", "wasmer"): 200_000, ("python", "wasmtime"): 10_000}
CYCLES = {"wasmer": 10_000, "wasmtime": 4_000}


@pytest.mark.slow
def test_load_call_close_cycles_do_not_leak(engine, guest):
    cycles = int(CYCLES[engine] * SCALE)
    path = guest("hello")

    def cycle(i):
        impl = ("cython", "python")[i % 2]
        with wasm.load(path, engine=engine, implementation=impl) as r:
            r.register_string_handler(lambda m: m)   # a handler per runner, dropped at close
            assert r.call_string("hello", str(i)) == f"Hello, {i}!!!"

    for i in range(500):                         # warm-up: caches, allocator arenas
        cycle(i)
    before = rss()
    for i in range(cycles):
        cycle(i)
    growth = rss() - before
    print(f"\n{engine}: {cycles} load/call/close cycles, RSS growth {growth / MIB:.2f} MiB")
    assert growth < RSS_GROWTH_LIMIT, f"RSS grew {growth / MIB:.1f} MiB over {cycles} cycles"


@pytest.mark.slow
def test_a_million_calls_on_one_runner_do_not_leak(impl, engine, guest):
    calls = int(CALLS[(impl, engine)] * SCALE)
    with wasm.load(guest("echo"), engine=engine, implementation=impl) as r:
        texts = [f"call {i} " * (1 + i % 7) for i in range(64)]
        for i in range(1000):
            assert r.call_string("echo", texts[i % 64]) == texts[i % 64]
        before = rss()
        call = r.call_string
        for i in range(calls):
            text = texts[i & 63]
            if call("echo", text) != text:
                raise AssertionError(f"call {i}: wrong result")
        growth = rss() - before
    print(f"\n{impl}/{engine}: {calls} calls, RSS growth {growth / MIB:.2f} MiB")
    assert growth < RSS_GROWTH_LIMIT, f"RSS grew {growth / MIB:.1f} MiB over {calls} calls"


class Big:
    """A large object a handler closes over (20 MiB)."""

    def __init__(self):
        self.payload = bytearray(20 * MIB)


@pytest.mark.parametrize("threads", [False, True])
def test_handlers_closing_over_large_objects_are_freed_after_close(load, guest, threads):
    big = Big()
    alive = weakref.ref(big)
    r = load(guest("host"), threads=threads)

    def handler(message, big=big):
        return f"{len(big.payload)}"

    r.register_string_handler(handler)
    r.register_string_handler(lambda m, big=big: "named", name="other")
    assert r.call_string("processWithHost", "x") == f"Result from host: {20 * MIB}"
    del big, handler
    gc.collect()
    assert alive() is not None          # still registered: the runner holds it
    r.close()
    gc.collect()
    assert alive() is None, "a closed runner still holds its handlers' objects"
    del r


def test_shared_and_private_runners_under_eight_threads(load, guest):
    errors_seen, done = [], []
    start = threading.Barrier(8)

    with load(guest("echo"), threads=True) as shared, load(guest("host"), threads=True) as host:
        host.register_string_handler(lambda m: m[-12:])

        def on_shared(n):
            try:
                start.wait()
                for i in range(150):
                    data = f"shared {n}:{i} ".encode() * (1 + (i * (n + 3)) % 50)
                    assert shared.call_bytes("echo", data) == data
                    assert shared.call("add", n, i) == n + i
                    tail = f"{n:03d}:{i:08d}"   # 12 characters: what the handler returns
                    assert host.call_string("processWithHost", tail) == \
                        f"Result from host: {tail}"
                done.append(n)
            except BaseException as exc:
                errors_seen.append(exc)

        def on_private(n):
            try:
                with load(guest("echo")) as own, load(guest("host")) as own_host:
                    own_host.register_string_handler(lambda m: f"<{n}>")
                    start.wait()
                    for i in range(150):
                        text = f"own {n}:{i} é🌸" * (1 + i % 40)
                        assert own.call_string("echo", text) == text
                        assert own_host.call_string("processWithHost", "x") == \
                            f"Result from host: <{n}>"
                done.append(n + 100)
            except BaseException as exc:
                errors_seen.append(exc)

        workers = [threading.Thread(target=on_shared, args=(n,)) for n in range(4)] + \
                  [threading.Thread(target=on_private, args=(n,)) for n in range(4)]
        for t in workers:
            t.start()
        for t in workers:
            t.join(120)
        assert errors_seen == []
        assert sorted(done) == [0, 1, 2, 3, 100, 101, 102, 103]
        assert shared.call_bytes("echo", b"main") == b"main"
