"""The compiled-module cache: an engine's serialized module, stored per wasm file and engine.

Where: `$GOLO_FAST_CACHE_DIR` if set, else the user cache dir (`$XDG_CACHE_HOME/golo-fast` on
Linux, via platformdirs). `GOLO_FAST_NO_CACHE=1` turns it off. Both are read at each load.

Key: sha256 of the wasm bytes and the engine's `cache_tag` (engine, compiler and platform
versions), so a new wasmer or compiler never reads an old entry. An entry is
`MAGIC + key + sha256(payload) + payload`; anything that does not check out (truncated,
corrupt, written for another key, refused by the engine) is ignored and rebuilt. The payload
checksum matters: deserializing is trusted by the engine, so damaged bytes must never reach it.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

MAGIC = b"golo-fast compiled module v1\n"
_DIGEST = 32


def cache_dir() -> Path | None:
    """The directory entries go to, or None when caching is disabled."""
    if os.environ.get("GOLO_FAST_NO_CACHE") == "1":
        return None
    configured = os.environ.get("GOLO_FAST_CACHE_DIR")
    if configured:
        return Path(configured)
    import platformdirs
    return Path(platformdirs.user_cache_dir("golo-fast", appauthor=False))


def cache_key(wasm: bytes, cache_tag: str) -> bytes:
    return hashlib.sha256(wasm + b"\0" + cache_tag.encode("utf-8")).digest()


def compile_cached(engine, wasm: bytes):
    """The compiled module for `wasm`: from the cache when a valid entry exists, else compiled
    (WasmLoadError if invalid) and stored. Cache I/O problems never fail a load."""
    directory = cache_dir()
    if directory is None:
        return engine.compile(wasm)
    key = cache_key(wasm, engine.cache_tag)
    path = directory / f"{key.hex()}.{engine.name}"
    compiled = _read(engine, path, key)
    if compiled is not None:
        return compiled
    compiled = engine.compile(wasm)
    _write(path, key, engine.serialize(compiled))
    return compiled


def _read(engine, path: Path, key: bytes):
    try:
        entry = path.read_bytes()
    except OSError:
        return None
    head = len(MAGIC)
    if entry[:head] != MAGIC or entry[head : head + _DIGEST] != key:
        return None
    checksum = entry[head + _DIGEST : head + 2 * _DIGEST]
    payload = entry[head + 2 * _DIGEST :]
    if hashlib.sha256(payload).digest() != checksum:
        return None
    try:
        return engine.deserialize(payload)
    except Exception:  # the engine refused its own format (e.g. after an engine upgrade)
        return None


def _write(path: Path, key: bytes, payload: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # write then rename: a concurrent reader sees the old entry or the new one, never half
        import tempfile  # only when writing an entry: a warm start never needs it
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(MAGIC + key + hashlib.sha256(payload).digest() + payload)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only or full cache dir only costs a recompile next time
