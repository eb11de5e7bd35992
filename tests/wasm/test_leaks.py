"""Calls, handler calls and traps, many times over: the process does not grow."""
from __future__ import annotations

import os

import psutil
import pytest

from golo_fast import errors


@pytest.mark.slow
def test_no_growth_over_many_calls(load, guest, impl, engine):
    process = psutil.Process(os.getpid())
    # the twin over wasmtime-py's public API costs ~120 µs a call: a tenth of the calls keeps
    # this test to seconds (6,000 calls against a 1 MiB limit: a leak of ~200 bytes a call,
    # a few objects, still shows)
    scale = 10 if (impl, engine) == ("python", "wasmtime") else 1
    with load(guest("hello")) as hello, load(guest("host")) as host, \
            load(guest("hostile/trap")) as trap:
        host.register_string_handler(lambda message: "reply")

        def rounds(n):
            for _ in range(n):
                assert hello.call_string("hello", "0123456789") == "Hello, 0123456789!!!"
                assert host.call_string("processWithHost", "x") == "Result from host: reply"
                with pytest.raises(errors.WasmTrap):
                    trap.call_string("run", "x")

        rounds(3000 // scale)   # warm-up: allocator pools, caches
        before = process.memory_info().rss
        rounds(20000 // scale)
        grown = process.memory_info().rss - before
    # 60,000 calls: a leak of 40 bytes a call (one small object) would add 2.4 MB
    limit = 2 * 1024 * 1024 if scale == 1 else 1024 * 1024
    assert grown < limit, f"grew {grown} bytes"
