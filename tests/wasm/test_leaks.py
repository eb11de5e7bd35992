"""Calls, handler calls and traps, many times over: the process does not grow."""
from __future__ import annotations

import os

import psutil
import pytest

from golo_fast import errors


@pytest.mark.slow
def test_no_growth_over_many_calls(load, guest):
    process = psutil.Process(os.getpid())
    with load(guest("hello")) as hello, load(guest("host")) as host, \
            load(guest("hostile/trap")) as trap:
        host.register_string_handler(lambda message: "reply")

        def rounds(n):
            for _ in range(n):
                assert hello.call_string("hello", "0123456789") == "Hello, 0123456789!!!"
                assert host.call_string("processWithHost", "x") == "Result from host: reply"
                with pytest.raises(errors.WasmTrap):
                    trap.call_string("run", "x")

        rounds(3000)   # warm-up: allocator pools, caches
        before = process.memory_info().rss
        rounds(20000)
        grown = process.memory_info().rss - before
    # 60,000 calls: a leak of 40 bytes a call (one small object) would add 2.4 MB
    assert grown < 2 * 1024 * 1024, f"grew {grown} bytes"
