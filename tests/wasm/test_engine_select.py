"""Which engine a load uses: the `engine=` keyword, else $GOLO_FAST_ENGINE, else wasmer where it
imports, else wasmtime."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

from golo_fast import errors, wasm
from golo_fast.wasm import _engine

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HAS_WASMER = sys.version_info < (3, 11) and importlib.util.find_spec("wasmer") is not None
HAS_WASMTIME = importlib.util.find_spec("wasmtime") is not None


def probe(code: str, **env) -> str:
    environment = {k: v for k, v in os.environ.items() if k != "GOLO_FAST_ENGINE"}
    environment.update(env)
    out = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True,
                         text=True, cwd=REPO)
    return (out.stdout + out.stderr).strip()


LOAD = ("from golo_fast import wasm; r = wasm.load('guests/hello.wasm'); "
        "print(r.engine, r.call_string('hello', 'x'))")


def test_default_is_wasmer_where_it_imports_else_wasmtime():
    expected = "wasmer" if HAS_WASMER else "wasmtime"
    assert probe(LOAD) == f"{expected} Hello, x!!!"


@pytest.mark.skipif(not HAS_WASMTIME, reason="the wasmtime package is not installed")
def test_environment_variable_selects_wasmtime():
    assert probe(LOAD, GOLO_FAST_ENGINE="wasmtime") == "wasmtime Hello, x!!!"


def test_keyword_overrides_the_environment(monkeypatch, guest):
    monkeypatch.setenv("GOLO_FAST_ENGINE", "no-such-engine")
    for name in _engine.ENGINES:
        if (name == "wasmer" and not HAS_WASMER) or (name == "wasmtime" and not HAS_WASMTIME):
            continue
        with wasm.load(guest("hello"), engine=name) as r:
            assert r.engine == name
    with pytest.raises(errors.WasmUnsupportedError,
                       match=r"unknown wasm engine 'no-such-engine' \(known: wasmer, wasmtime\)"):
        wasm.load(guest("hello"))


def test_unknown_engine(guest):
    with pytest.raises(errors.WasmUnsupportedError, match="unknown wasm engine 'v8'"):
        wasm.load(guest("hello"), engine="v8")


@pytest.mark.skipif(HAS_WASMER, reason="wasmer is importable here (Python <= 3.10)")
def test_asking_for_wasmer_where_it_does_not_import(guest):
    with pytest.raises(errors.WasmUnsupportedError, match="the wasmer engine is not available"):
        wasm.load(guest("hello"), engine="wasmer")
