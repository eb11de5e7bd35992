"""What a runner needs from a wasm engine: the whole boundary, on one screen.

An engine module (`_engine_wasmer.py`; a wasmtime one can follow) is the only place that imports
an engine package. It exposes `ENGINE`, an object with the `Engine` methods below; `compile`,
`deserialize` and `instantiate` return opaque engine objects the runner only hands back.
Types in signatures are the strings "i32", "i64", "f32", "f64" ("v128", "externref" and
"funcref" may appear; the runner never calls those).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol


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


def default_engine() -> Engine:
    """The engine golo-fast runs guests on: wasmer (the only one today)."""
    from golo_fast.wasm._engine_wasmer import ENGINE
    return ENGINE
