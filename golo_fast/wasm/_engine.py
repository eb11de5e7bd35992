"""What a runner needs from a wasm engine: the whole boundary, on one screen.

An engine module (`_engine_wasmer.py`, `_engine_wasmtime.py`) is the only place that imports
an engine package; `select_engine` below picks one and returns an object with the `Engine`
methods below; `compile`, `deserialize` and `instantiate` return opaque engine objects the
runner only hands back. An engine may also offer `protocol(memproto)`, the protocol module its
runners use instead of `memproto` (wasmtime: its C-level session).
Types in signatures are the strings "i32", "i64", "f32", "f64" ("v128", "externref" and
"funcref" may appear; the runner never calls those).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable, Protocol

from golo_fast.errors import WasmUnsupportedError

ENGINES = ("wasmer", "wasmtime")   # in order of preference when none is asked for


@dataclass(frozen=True)
class Signature:
    params: tuple[str, ...]
    results: tuple[str, ...]

    def __str__(self) -> str:
        return f"({', '.join(self.params)}) -> ({', '.join(self.results)})"


@dataclass(frozen=True)
class Extern:
    """One import or export of a module; `signature` is set for functions only."""
    namespace: str          # the import's module ("env", "wasi_snapshot_preview1"); "" for exports
    name: str
    kind: str               # "function", "memory", "global" or "table"
    signature: Signature | None = None


@dataclass(frozen=True)
class HostFunction:
    """A Python callable the guest imports; it receives and returns plain numbers."""
    fn: Callable
    signature: Signature


class Instance(Protocol):
    trap_types: tuple[type[BaseException], ...]   # what a trapping guest call raises

    def function(self, name: str) -> Callable:
        """The export `name`, looked up once; calling it returns None, a number or a tuple."""

    def memory(self):
        """The exported memory "memory" as an object supporting the buffer protocol, or None.
        Keep the object; take its buffer after every guest call for the current base and size."""

    def map_trap(self, exc: BaseException, module: str, export: str) -> Exception:
        """The golo error (WasmTrap, WasmExit, ...) for a trap raised by a call to `export`."""


class Engine(Protocol):
    name: str            # "wasmer"
    cache_tag: str       # engine + compiler versions: part of the compiled-module cache key
    thread_bound: bool   # True: an instance may only be used by the thread that created it

    def compile(self, wasm: bytes):
        """Validate and compile; WasmLoadError if the bytes are not a valid module."""

    def serialize(self, compiled) -> bytes: ...

    def deserialize(self, data: bytes):
        """Inverse of serialize; may raise anything on bytes it did not produce."""

    def exports(self, compiled) -> list[Extern]: ...

    def imports(self, compiled) -> list[Extern]: ...

    def needs_wasi(self, compiled) -> bool: ...

    def instantiate(self, compiled, wasi, host: dict[tuple[str, str], HostFunction]) -> Instance:
        """Instantiate with WASI set up from `wasi` (a WasiConfig, or None for no WASI) and the
        host functions, which override WASI's own imports of the same name (stdio capture
        replaces fd_write). WasmLoadError if instantiation fails (start function included)."""


@dataclass(frozen=True)
class Limits:
    """What a guest may use (engines that support limits: wasmtime). `fuel` and `timeout`
    (seconds) apply to each call into the guest; `max_pages` caps its memory (64 KiB pages)."""
    fuel: int | None = None
    timeout: float | None = None
    max_pages: int | None = None

    def __bool__(self) -> bool:
        return self != Limits()

    def check(self) -> None:
        for name, value, kinds in (("fuel", self.fuel, (int,)),
                                   ("timeout", self.timeout, (int, float)),
                                   ("max_pages", self.max_pages, (int,))):
            if value is None:
                continue
            if not isinstance(value, kinds) or isinstance(value, bool) or not value > 0:
                raise ValueError(f"{name} must be a positive number, not {value!r}")


def engine_name(name: str | None = None) -> str:
    """The engine a load uses: `name`, else $GOLO_FAST_ENGINE, else the first of ENGINES whose
    package imports. WasmUnsupportedError if the one asked for is unknown or not installed."""
    name = name or os.environ.get("GOLO_FAST_ENGINE") or None
    if name is not None:
        if name not in ENGINES:
            raise WasmUnsupportedError(f"unknown wasm engine {name!r} (known: "
                                       f"{', '.join(ENGINES)})")
        _import(name)
        return name
    problems = []
    for candidate in ENGINES:
        try:
            _import(candidate)
        except WasmUnsupportedError as exc:
            problems.append(str(exc))
            continue
        return candidate
    raise WasmUnsupportedError("no wasm engine is installed: " + "; ".join(problems))


def _import(name: str):
    try:
        if name == "wasmer":
            from golo_fast.wasm import _engine_wasmer as module
        else:
            from golo_fast.wasm import _engine_wasmtime as module
    except ImportError as exc:
        raise WasmUnsupportedError(f"the {name} engine is not available: {exc}") from None
    return module


def select_engine(name: str | None = None, limits: Limits = Limits()) -> Engine:
    """The engine for one load (see engine_name), configured for `limits`."""
    name = engine_name(name)
    limits.check()
    module = _import(name)
    if name == "wasmer":
        if limits:
            asked = ", ".join(k for k, v in vars(limits).items() if v is not None)
            raise WasmUnsupportedError(f"{asked}: not supported by this engine (wasmer); "
                                       f"load with engine='wasmtime'")
        return module.ENGINE
    return module.engine_for(limits)


def default_engine() -> Engine:
    """The engine golo-fast runs guests on when nothing is asked for (see engine_name)."""
    return select_engine()
