"""Which calling convention each export and import of a guest follows, decided once at load.

One detection, two users: the runner (what `call_string` does with each export, which imports
it binds) and `golo-fast wasm-info` (what it reports without running anything). Both hand over
plain data — exports as name -> (kind, params, results), imports as (namespace, name, kind,
params, results), with params/results None for non-functions — so nothing here knows an engine.

The rules (issue 6; the table in docs/protocols.md says the same):

- allocator: `malloc(i32) -> i32` with `free(i32)`, else `allocate(i32) -> i32` with
  `deallocate(i32, i32)` (Rust style: the size comes back with the pointer); none otherwise.
- an export `(i32, i32) -> ()` with `getResultPtr() -> i32`, `getResultLen() -> i32` and an
  exported memory: the article's *3-function* protocol. The guest owns its result; the host
  places the input in a block from the allocator (kept and reused), or at offset 1024.
- an export `(i32, i32) -> i64`, with a memory and an allocator: *packed* return,
  `ptr << 32 | len`. The host writes the input into a block from the allocator and, after
  reading the result, frees it with `free(ptr)` / `deallocate(ptr, len)`.
- imports: WASI namespaces go to WASI; `env.hostCallStringHandler`, `env.hostCallNamedHandler`,
  `env.hostGetResultPtr`, `env.hostGetResultLen` are the article's handler ABI (exact
  signatures); any other function import `(i32, i32) -> ()` or `(i32, i32) -> i32` is a
  *string host import*, answered by a function registered under its namespace and name;
  anything else cannot be satisfied, and the module is refused at load.
- initialization: `_initialize() -> ()` (reactor) runs once; else `_start() -> ()` (command)
  runs once, and a WASI exit with code 0 during it is success.
"""
from __future__ import annotations

from dataclasses import dataclass, field

I32 = ("i32",)
STRING_PARAMS = ("i32", "i32")
GETTER = ((), I32)
FIXED_INPUT_OFFSET = 1024
WASI_NAMESPACES = ("wasi_snapshot_preview1", "wasi_unstable")
# The article's host imports (module "env"): parameters, and the results a guest may declare
# (the article's TinyGo guest declares `uint32` results; C guests may declare none).
HANDLER_IMPORTS = {
    "hostCallStringHandler": (("i32", "i32"), ((), I32)),
    "hostCallNamedHandler": (("i32", "i32", "i32", "i32"), ((), I32)),
    "hostGetResultPtr": ((), (I32,)),
    "hostGetResultLen": ((), (I32,)),
}
STRING_IMPORT_RESULTS = ((), I32)

THREE_FUNCTION = "3-function"
PACKED = "packed"


def _sig(params, results) -> str:
    return f"({', '.join(params)}) -> ({', '.join(results)})"


@dataclass(frozen=True)
class Allocator:
    """The guest's allocator pair. `free_takes_size`: deallocate(ptr, size) rather than
    free(ptr)."""
    alloc: str
    free: str
    free_takes_size: bool

    def __str__(self) -> str:
        return f"{self.alloc}/{self.free}"


@dataclass(frozen=True)
class ExportProtocol:
    """How golo-fast calls one export with a string: `name` is "3-function", "packed" or None
    (not callable with strings: `text` says why). `frees` says who frees the result: "guest"
    (3-function: the guest's own buffer) or "host" (packed: the host frees it after reading).
    str() is the one-line description `wasm-info` and `Runner.describe` print."""
    export: str
    name: str | None
    text: str
    allocator: Allocator | None = None
    frees: str | None = None

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class StringImport:
    """A guest import `(ptr, len) -> ()` or `-> i32`, answered by a registered function."""
    namespace: str
    name: str
    has_result: bool


@dataclass
class Detection:
    allocator: Allocator | None = None
    exports: dict = field(default_factory=dict)          # name -> ExportProtocol (string-shaped)
    handler_imports: list = field(default_factory=list)  # (name, results) of the article's ABI
    string_imports: list = field(default_factory=list)   # StringImport
    missing: list = field(default_factory=list)          # descriptions of unsatisfiable imports
    missing_names: list = field(default_factory=list)    # the same imports, "namespace.name"
    wasi: bool = False
    init: str | None = None                              # "_initialize", "_start" or None

    def callable_with_strings(self, name: str) -> ExportProtocol | None:
        found = self.exports.get(name)
        return found if found is not None and found.name is not None else None


def detect(exports: dict, imports: list) -> Detection:
    """The protocols of a module: `exports` maps name -> (kind, params, results), `imports` is a
    list of (namespace, name, kind, params, results); params/results are None for anything but
    functions."""
    def fn_sig(name):
        e = exports.get(name)
        return (e[1], e[2]) if e is not None and e[0] == "function" else None

    found = Detection()
    malloc_free = fn_sig("malloc") == (I32, I32) and fn_sig("free") == (I32, ())
    allocate = fn_sig("allocate") == (I32, I32) and fn_sig("deallocate") == (STRING_PARAMS, ())
    if malloc_free:
        found.allocator = Allocator("malloc", "free", False)
    elif allocate:
        found.allocator = Allocator("allocate", "deallocate", True)
    allocator = found.allocator
    memory = exports.get("memory")
    has_memory = memory is not None and memory[0] == "memory"
    getters = fn_sig("getResultPtr") == GETTER and fn_sig("getResultLen") == GETTER
    # the allocator exports are not protocol entry points (deallocate has a (ptr, len) shape)
    allocator_names = ({"malloc", "free"} if malloc_free else set()) | \
        ({"allocate", "deallocate"} if allocate else set())

    for name, (kind, params, results) in exports.items():
        if kind != "function" or params is None or name in allocator_names:
            continue
        if (params, results) == (STRING_PARAMS, ()):
            if not has_memory:
                found.exports[name] = ExportProtocol(
                    name, None, "(ptr, len) export, but the module exports no memory")
            elif getters:
                where = (f"input in a block from {allocator.alloc}" if allocator
                         else f"input written at offset {FIXED_INPUT_OFFSET}")
                found.exports[name] = ExportProtocol(
                    name, THREE_FUNCTION,
                    f"3-function protocol (getResultPtr/getResultLen); {where}",
                    allocator, "guest")
            else:
                found.exports[name] = ExportProtocol(
                    name, None, "(ptr, len) export without getResultPtr() -> i32 and "
                                "getResultLen() -> i32: no string result")
        elif (params, results) == (STRING_PARAMS, ("i64",)):
            if not has_memory:
                found.exports[name] = ExportProtocol(
                    name, None, "packed (i32, i32) -> i64, but the module exports no memory")
            elif allocator is not None:
                found.exports[name] = ExportProtocol(
                    name, PACKED, f"packed return ptr << 32 | len; {allocator} (host frees)",
                    allocator, "host")
            else:
                found.exports[name] = ExportProtocol(
                    name, None, "packed return ptr << 32 | len, but no malloc/free or "
                                "allocate/deallocate export")

    for namespace, name, kind, params, results in imports:
        if namespace in WASI_NAMESPACES:
            found.wasi = True
            continue
        qualified = f"{namespace}.{name}"
        described = qualified
        described += f" {_sig(params, results)}" if params is not None else f" ({kind})"
        if namespace == "env" and name in HANDLER_IMPORTS:
            want_params, want_results = HANDLER_IMPORTS[name]
            if kind == "function" and params == want_params and results in want_results:
                found.handler_imports.append((name, results))
            else:
                found.missing.append(f"{described} (expected "
                                     f"{_sig(want_params, want_results[-1])})")
                found.missing_names.append(qualified)
            continue
        if kind == "function" and params == STRING_PARAMS and results in STRING_IMPORT_RESULTS:
            found.string_imports.append(StringImport(namespace, name, bool(results)))
        else:
            found.missing.append(f"{described} (not a string host import: those are "
                                 f"(i32, i32) -> () or (i32, i32) -> (i32))"
                                 if kind == "function" else described)
            found.missing_names.append(qualified)

    if fn_sig("_initialize") == ((), ()):
        found.init = "_initialize"
    elif fn_sig("_start") == ((), ()):
        found.init = "_start"
    return found
