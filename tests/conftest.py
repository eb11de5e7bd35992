"""Shared fixtures. The wasm suite runs on both protocol implementations through `impl`."""
from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest

from golo_fast import _accel

REPO = Path(__file__).resolve().parent.parent
GUESTS = REPO / "guests"
IMPLEMENTATIONS = ("cython", "python")


@pytest.fixture(scope="session", autouse=True)
def _private_module_cache(tmp_path_factory):
    """Keep the compiled-module cache of test runs out of the user's cache dir."""
    previous = os.environ.get("GOLO_FAST_CACHE_DIR")
    os.environ["GOLO_FAST_CACHE_DIR"] = str(tmp_path_factory.mktemp("golo-fast-cache"))
    yield
    if previous is None:
        os.environ.pop("GOLO_FAST_CACHE_DIR", None)
    else:
        os.environ["GOLO_FAST_CACHE_DIR"] = previous


@pytest.fixture(params=IMPLEMENTATIONS)
def impl(request) -> str:
    """The protocol implementation under test: "cython" (the extension) or "python" (twin)."""
    return request.param


@pytest.fixture
def memproto(impl):
    """The protocol module of `impl`, obtained through the selector."""
    return _accel.implementation(impl)


@pytest.fixture
def load(impl):
    """`wasm.load` bound to the implementation under test."""
    from golo_fast import wasm
    return functools.partial(wasm.load, implementation=impl)


@pytest.fixture
def guest():
    """Path of a committed guest: guest("hello") -> guests/hello.wasm,
    guest("hostile/trap") -> guests/hostile/trap.wasm."""
    def path(name: str) -> str:
        return str(GUESTS / f"{name}.wasm")
    return path
