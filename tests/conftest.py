"""Shared fixtures. The wasm suite runs on both protocol implementations through `impl`, and
on every wasm engine this interpreter has through `engine` (wasmer needs Python <= 3.10;
GOLO_FAST_ENGINE=name restricts the run to one)."""
from __future__ import annotations

import functools
import importlib.util
import os
import sys
from pathlib import Path

import pytest

from golo_fast import _accel
from golo_fast.errors import WasmUnsupportedError
from golo_fast.wasm import _engine

REPO = Path(__file__).resolve().parent.parent
GUESTS = REPO / "guests"
IMPLEMENTATIONS = ("cython", "python")


def _available_engines() -> tuple[str, ...]:
    wanted = os.environ.get("GOLO_FAST_ENGINE")
    found = []
    for name in (wanted,) if wanted else _engine.ENGINES:
        try:
            found.append(_engine.engine_name(name))
        except WasmUnsupportedError:
            continue
    return tuple(found)


ENGINES = _available_engines()

# test_guests.py pins each guest down through the wasmer package itself, which only imports on
# Python <= 3.10; there (the .venv run of `make test`) it runs in full.
if importlib.util.find_spec("wasmer") is None or sys.version_info >= (3, 11):
    collect_ignore = ["test_guests.py"]


@pytest.fixture(params=IMPLEMENTATIONS)
def impl(request) -> str:
    """The protocol implementation under test: "cython" (the extension) or "python" (twin)."""
    return request.param


@pytest.fixture
def memproto(impl):
    """The protocol module of `impl`, obtained through the selector."""
    return _accel.implementation(impl)


@pytest.fixture(params=ENGINES)
def engine(request) -> str:
    """The wasm engine under test: "wasmer" or "wasmtime" (those this interpreter has)."""
    reason = WASMER_ONLY.get(request.node.originalname)
    if request.param != "wasmer" and reason is not None:
        pytest.skip(f"states wasmer's behaviour: {reason}")
    return request.param


# Tests of the shared suite that state what only wasmer does; wasmtime's side of each is in
# tests/wasm/test_engine_wasmtime.py.
WASMER_ONLY = {
    "test_default_runner_refuses_other_threads":
        "wasmer objects cannot leave their thread; a wasmtime runner serves any thread",
    "test_entry_written_then_used":
        "expects the wasmer cache entry (<key>.wasmer, wasmer's cache tag)",
    "test_default_runner_refuses_close_from_another_thread":
        "wasmer objects cannot leave their thread; a wasmtime runner serves any thread",
}


@pytest.fixture(scope="session")
def wat2wasm():
    """Assemble WebAssembly text into a module's bytes, with whichever engine package is here."""
    try:
        from wasmer import wat2wasm as assemble
    except ImportError:   # wasmer does not import on Python >= 3.11
        from wasmtime import wat2wasm as assemble
    return lambda text: bytes(assemble(text))


@pytest.fixture
def load(impl, engine):
    """`wasm.load` bound to the implementation and the engine under test."""
    from golo_fast import wasm
    return functools.partial(wasm.load, implementation=impl, engine=engine)


@pytest.fixture
def guest():
    """Path of a committed guest: guest("hello") -> guests/hello.wasm,
    guest("hostile/trap") -> guests/hostile/trap.wasm."""
    def path(name: str) -> str:
        return str(GUESTS / f"{name}.wasm")
    return path
