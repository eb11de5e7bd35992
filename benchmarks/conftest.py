"""Benchmark fixtures: the same mechanism as tests/conftest.py, plus a floor beside each measure.

Every benchmark here is also a test: under `--benchmark-disable` (what `make test` passes) the
timed function runs once and the test asserts its output, so a benchmark cannot rot. Rows,
floors and targets are described in benchlib.py.
"""
from __future__ import annotations

import functools
import os

import pytest
from benchlib import IMPLEMENTATIONS, PEER_RESULTS

from golo_fast import _accel


@pytest.fixture(params=IMPLEMENTATIONS)
def impl(request) -> str:
    """The protocol implementation measured: "cython" (the extension) or "python" (twin)."""
    if request.param == "cython":
        _accel.implementation("cython")   # ImportError on a broken build: fail, never skip
    return request.param


@pytest.fixture
def load(impl):
    """`wasm.load` bound to the implementation under test."""
    from golo_fast import wasm
    return functools.partial(wasm.load, implementation=impl)


def pytest_benchmark_update_json(config, benchmarks, output_json):
    """Record what the table header needs: the machine, the bridge, the wasm engine versions."""
    import platform
    import sys

    try:
        import wasmer
        wasmer_version = wasmer.__version__
    except ImportError:  # Python 3.11+: wasmer has no wheels there
        wasmer_version = None
    output_json["golo_fast"] = {
        "accelerated": _accel.ACCELERATED,
        "python": sys.version.split()[0],
        "wasmer": wasmer_version,
        "cores": os.cpu_count(),
        "cpu": _cpu_name() or platform.processor(),
        "peers": PEER_RESULTS,
    }


def _cpu_name() -> str | None:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None
