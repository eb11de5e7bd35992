"""The compiled-module cache: where entries go, that they are used, and that bad ones are not."""
from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest

from golo_fast.wasm import _cache
from golo_fast.wasm._engine import select_engine


@pytest.fixture
def cache(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv("GOLO_FAST_CACHE_DIR", str(directory))
    monkeypatch.delenv("GOLO_FAST_NO_CACHE", raising=False)
    return directory


@pytest.fixture
def hello_bytes(guest):
    with open(guest("hello"), "rb") as f:
        return f.read()


def entries(directory):
    return sorted(p for p in directory.iterdir() if not p.name.startswith(".")) \
        if directory.exists() else []


def engine_of(entry):
    """The engine that wrote a cache entry (entries are named <key>.<engine>)."""
    return select_engine(entry.suffix[1:])


def refuse_compiling(monkeypatch, engine):
    def compile(self, wasm):
        raise AssertionError("compiled although a valid cache entry exists")

    monkeypatch.setattr(type(engine), "compile", compile)


def test_entry_written_then_used(load, cache, hello_bytes, monkeypatch):
    with load(hello_bytes) as r:
        assert r.call_string("hello", "a") == "Hello, a!!!"
    [entry] = entries(cache)
    engine = engine_of(entry)
    key = hashlib.sha256(hello_bytes + b"\0" + engine.cache_tag.encode()).hexdigest()
    assert entry.name == f"{key}.{engine.name}"
    assert entry.read_bytes().startswith(_cache.MAGIC)
    refuse_compiling(monkeypatch, engine)
    with load(hello_bytes) as r:
        assert r.call_string("hello", "b") == "Hello, b!!!"


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 2],                          # truncated
    lambda data: data[:-100] + bytes(100),                        # payload corrupted
    lambda data: b"garbage",                                      # not an entry at all
    lambda data: data[:len(_cache.MAGIC)] + bytes(32) + data[len(_cache.MAGIC) + 32:],  # key
    lambda data: b"\0wasmer-universal" + bytes(200),              # raw engine bytes, no envelope
])
def test_corrupt_or_foreign_entry_is_ignored_and_rebuilt(load, cache, hello_bytes, damage):
    with load(hello_bytes):
        pass
    [entry] = entries(cache)
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    with load(hello_bytes) as r:
        assert r.call_string("hello", "again") == "Hello, again!!!"
    assert entry.read_bytes() == good   # rebuilt in place


def test_entry_the_engine_refuses_is_rebuilt(load, cache, hello_bytes, monkeypatch):
    # a well-formed envelope whose payload the engine cannot read (e.g. another engine build)
    with load(hello_bytes):
        pass
    [entry] = entries(cache)
    good = entry.read_bytes()
    payload = b"not a wasmer artifact"
    head = good[: len(_cache.MAGIC) + 32]
    entry.write_bytes(head + hashlib.sha256(payload).digest() + payload)
    with load(hello_bytes) as r:
        assert r.call_string("hello", "x") == "Hello, x!!!"
    assert entry.read_bytes() == good


def test_no_cache(load, cache, hello_bytes, monkeypatch):
    monkeypatch.setenv("GOLO_FAST_NO_CACHE", "1")
    with load(hello_bytes) as r:
        assert r.call_string("hello", "x") == "Hello, x!!!"
    assert entries(cache) == []


def test_unwritable_cache_dir_does_not_fail_loads(load, tmp_path, monkeypatch, hello_bytes):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("GOLO_FAST_CACHE_DIR", str(blocker / "cache"))
    with load(hello_bytes) as r:
        assert r.call_string("hello", "x") == "Hello, x!!!"


def test_invalid_module_is_not_cached(load, cache):
    from golo_fast.errors import WasmLoadError
    with pytest.raises(WasmLoadError):
        load(b"\0asm\1\0\0\0\1")
    assert entries(cache) == []


def test_default_location_follows_xdg_cache_home(tmp_path):
    code = "from golo_fast.wasm import _cache; print(_cache.cache_dir())"
    env = {"XDG_CACHE_HOME": str(tmp_path / "xdg"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == str(tmp_path / "xdg" / "golo-fast")
