"""`load()` and `Runner`: one instantiated guest, called with strings, bytes or numbers.

The runner does what happens once per module (read, compile through the cache, check imports,
bind host functions, instantiate, look every export up once, run `_initialize` / `_start`) and
hands the per-call work to a protocol `Session` (`golo_fast._accel`: Cython or its twin), whose
docstring specifies the protocols, the allocation policy, the handler ABI and re-entrancy.
Which protocol each export and import follows is decided once, here, by
`golo_fast.wasm._protocol.detect` (shared with `golo-fast wasm-info`).
Engine specifics stay behind `golo_fast.wasm._engine`.
"""
from __future__ import annotations

import dataclasses
import difflib
import os
import threading
import weakref

from golo_fast import _accel
from golo_fast.errors import RunnerClosedError, WasmExit, WasmExportError, WasmLoadError, WasmTrap
from golo_fast.wasm._cache import compile_cached
from golo_fast.wasm._engine import HostFunction, Limits, Signature, default_engine, select_engine
from golo_fast.wasm._protocol import (
    HANDLER_IMPORTS,
    PACKED,
    THREE_FUNCTION,
    WASI_NAMESPACES,
    ExportProtocol,
    detect,
)
from golo_fast.wasm._wasi import StdioCapture, WasiConfig
from golo_fast.wasm._worker import Worker, WorkerSession

_I32 = ("i32",)
_GETTER = Signature((), _I32)
_PROTOCOL_PARAMS = ("i32", "i32")
_WASI_NAMESPACES = WASI_NAMESPACES
_INT_RANGES = {"i32": (-(2**31), 2**32), "i64": (-(2**63), 2**64)}


def load(source, wasi: WasiConfig | None = None, *, name: str | None = None,
         threads: bool = False, implementation: str | None = None, engine: str | None = None,
         fuel: int | None = None, timeout: float | None = None,
         max_pages: int | None = None) -> "Runner":
    """Load a guest from a path or from the module's bytes and instantiate it.

    `wasi`: what a WASI guest is granted (defaults: nothing; see WasiConfig). A guest that
    imports WASI gets the defaults when `wasi` is None. `name` names the module in messages
    (default: the file's name, or "<bytes>").

    `threads`: wasmer's objects cannot leave the thread that made them, so by default a runner
    belongs to the thread that loaded it and other threads get WasmThreadError. With
    `threads=True` the guest lives on a private thread that serves every call, one at a time,
    from any thread (a hand-off between threads per call: several times slower).

    `implementation` picks the protocol module ("cython" / "python"; default: the one
    golo_fast._accel chose).

    `engine`: "wasmer" or "wasmtime" (default: $GOLO_FAST_ENGINE, else wasmer where it
    imports, else wasmtime). Limits, wasmtime only (WasmUnsupportedError on wasmer): `fuel`
    units and `timeout` seconds for each call into the guest (WasmTimeout when exceeded),
    `max_pages` caps the guest's memory (64 KiB pages; growing past it fails).
    """
    selected = select_engine(engine, Limits(fuel, timeout, max_pages))
    if isinstance(source, (bytes, bytearray, memoryview)):
        wasm = bytes(source)
        module_name = name or "<bytes>"
    elif isinstance(source, (str, os.PathLike)):
        module_name = name or os.path.basename(os.fspath(source))
        try:
            with open(source, "rb") as f:
                wasm = f.read()
        except OSError as exc:
            raise WasmLoadError(f"module {module_name!r}: cannot read {os.fspath(source)!r}: "
                                f"{exc.strerror or exc}") from None
    else:
        raise TypeError(f"wasm.load() takes a path or bytes, not {type(source).__name__}")
    return Runner(wasm, module_name, wasi, _accel.implementation(implementation), threads,
                  selected)


class Runner:
    """A loaded guest. Calls never interleave: a runner serves only the thread that loaded it
    (others get WasmThreadError), or with threads=True a private thread serves every caller in
    turn. Not re-entrant (a handler calling back into its own runner gets
    WasmReentrancyError). Closeable, also as a context manager.

    After any error other than RunnerClosedError the runner keeps answering calls.
    """

    def __init__(self, wasm: bytes, name: str, wasi: WasiConfig | None, memproto,
                 threads: bool = False, engine=None):
        self.name = name
        self.exit_code = None   # set when a command module's _start ran at load
        engine = engine or default_engine()
        self.engine = engine.name
        if threads:
            worker = Worker(name)
            try:
                session = worker.run(self._build, engine, wasm, wasi, memproto)
            except BaseException:
                worker.stop()
                raise
            self._session = WorkerSession(worker, session)
            # a runner dropped without close() must not leave its thread waiting forever
            weakref.finalize(self, worker.stop)
        else:
            self._session = self._build(engine, wasm, wasi, memproto)
        # The hot paths go straight to the session (one C call when accelerated): instance
        # attributes shadow the documented methods below, which behave the same.
        self.call_string = self._session.call_string
        self.call_bytes = self._session.call_bytes

    def _build(self, engine, wasm: bytes, wasi: WasiConfig | None, memproto):
        """Compile, link, instantiate and initialize; return the session. Runs on the thread
        that will own the guest."""
        name = self.name
        try:
            compiled = compile_cached(engine, wasm)
        except WasmLoadError as exc:
            raise WasmLoadError(f"module {name!r}: {exc}") from None
        self._exports = {e.name: e for e in engine.exports(compiled)}
        imports = engine.imports(compiled)
        self._detection = detection = detect(
            {e.name: (e.kind, *((e.signature.params, e.signature.results) if e.signature
                                else (None, None))) for e in self._exports.values()},
            [(i.namespace, i.name, i.kind,
              *((i.signature.params, i.signature.results) if i.signature else (None, None)))
             for i in imports])
        if hasattr(engine, "protocol"):   # an engine with its own C-level session (wasmtime)
            memproto = engine.protocol(memproto)
        self._session = session = memproto.Session(
            name, self._explain, threading.get_ident() if engine.thread_bound else None)

        if wasi is None and engine.needs_wasi(compiled):
            wasi = WasiConfig()
        if wasi is not None and wasi.program_name is None:
            wasi = dataclasses.replace(wasi, program_name=name)
        host = self._host_functions(detection, session)
        capture = None
        if wasi is not None and (wasi.stdout is not None or wasi.stderr is not None):
            capture = StdioCapture(wasi.stdout, wasi.stderr)
            for namespace in _WASI_NAMESPACES:
                host[(namespace, "fd_write")] = capture.host_function()

        try:
            instance = engine.instantiate(compiled, wasi, host)
        except WasmLoadError as exc:
            raise WasmLoadError(f"module {name!r}: {exc}") from None
        memory = instance.memory()
        if capture is not None:
            capture.memory = memory

        functions = {n: instance.function(n) for n, e in self._exports.items()
                     if e.kind == "function"}
        protocol, packed = {}, {}
        if memory is not None:
            for n, chosen in detection.exports.items():
                if chosen.name == THREE_FUNCTION:
                    protocol[n] = functions[n]
                elif chosen.name == PACKED:
                    packed[n] = functions[n]
        allocator = detection.allocator
        session.attach(
            memory, protocol, functions,
            functions[allocator.alloc] if allocator else None,
            functions[allocator.free] if allocator else None,
            functions["getResultPtr"] if self._signature("getResultPtr") == _GETTER else None,
            functions["getResultLen"] if self._signature("getResultLen") == _GETTER else None,
            instance.trap_types,
            lambda exc, export: instance.map_trap(exc, name, export),
            packed,
            allocator.free_takes_size if allocator else False,
        )
        self._initialize()
        return session

    # -- load-time helpers ---------------------------------------------------------------------

    def _signature(self, export: str):
        extern = self._exports.get(export)
        return extern.signature if extern is not None else None

    def _host_functions(self, detection, session) -> dict:
        """Bind the guest's imports: the article's env.host* ones to the session's handler ABI,
        string host imports to trampolines that find their function when called; refuse the
        module, listing them all, when some import nobody can provide."""
        if detection.missing:
            raise WasmLoadError(f"module {self.name!r} imports what the host does not provide: "
                                f"{', '.join(detection.missing)}")
        targets = {
            "hostCallStringHandler": session.host_call_string,
            "hostCallNamedHandler": session.host_call_named,
            "hostGetResultPtr": session.host_result_ptr,
            "hostGetResultLen": session.host_result_len,
        }
        host = {}
        for import_name, results in detection.handler_imports:
            fn = targets[import_name]
            if not results:
                fn = _discard_result(fn)
            host[("env", import_name)] = HostFunction(
                fn, Signature(HANDLER_IMPORTS[import_name][0], results))
        for imp in detection.string_imports:
            fn = session.host_import(imp.namespace, imp.name)
            results = _I32 if imp.has_result else ()
            if not imp.has_result:
                fn = _discard_result(fn)
            host[(imp.namespace, imp.name)] = HostFunction(fn, Signature(_PROTOCOL_PARAMS,
                                                                         results))
        self._string_imports = {(i.namespace, i.name) for i in detection.string_imports}
        return host

    def _initialize(self) -> None:
        """Reactors: `_initialize()` once. Commands: `_start()`; exit code 0 is success."""
        init = self._detection.init
        if init is None:
            return
        try:
            self._session.call(init, ())
        except WasmExit as exc:
            if init == "_initialize" or exc.code != 0:
                raise WasmExit(f"module {self.name!r}: {init} exited with code {exc.code}",
                               exc.code) from exc
        except WasmTrap as exc:
            raise WasmLoadError(f"module {self.name!r}: {init} failed: {exc}") from exc
        if init == "_start":
            self.exit_code = 0

    def _explain(self, api: str, name: str) -> WasmExportError:
        """Why export `name` cannot be called through `api` (a WasmExportError to raise)."""
        where = f"module {self.name!r}, export {name!r}"
        extern = self._exports.get(name)
        if extern is None:
            functions = self._function_names()
            close = difflib.get_close_matches(name, functions, n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}? " if close else ""
            return WasmExportError(f"module {self.name!r} has no export {name!r} "
                                   f"({hint}functions: {', '.join(functions) or 'none'})")
        if extern.kind != "function":
            return WasmExportError(f"{where} is a {extern.kind}, not a function")
        if api == "call":
            return WasmExportError(f"{where}: cannot be called")
        chosen = self._detection.exports.get(name)
        if chosen is None:
            return WasmExportError(f"{where} has signature {extern.signature}; {api} needs "
                                   f"(i32, i32) -> () (with getResultPtr/getResultLen) or "
                                   f"(i32, i32) -> (i64) (packed return)")
        if extern.signature.results:   # packed, without memory or allocator
            return WasmExportError(f"{where}: {api} cannot call it: {chosen}")
        memory = self._exports.get("memory")
        if memory is None or memory.kind != "memory":
            return WasmExportError(f"{where}: {api} needs the module to export its memory as "
                                   f"'memory'")
        for getter in ("getResultPtr", "getResultLen"):
            sig = self._signature(getter)
            if sig is None:
                return WasmExportError(f"{where}: {api} needs the export {getter}() -> i32, "
                                       f"which the module lacks")
            if sig != _GETTER:
                return WasmExportError(f"{where}: {api} needs {getter} with signature "
                                       f"() -> (i32), the module's has {sig}")
        return WasmExportError(f"{where}: cannot be called through {api}")

    def _function_names(self) -> list[str]:
        return [n for n, e in self._exports.items() if e.kind == "function"]

    def _check_open(self, what: str) -> None:
        if self._session.closed:
            raise RunnerClosedError(f"module {self.name!r}: {what} on a closed runner")

    # -- the public API ------------------------------------------------------------------------

    def describe(self, name: str) -> ExportProtocol:
        """How `call_string` / `call_bytes` call export `name`: an ExportProtocol whose `name`
        is "3-function", "packed" or None (then `text` says why not), with the allocator used
        and who frees the result ("guest" or "host"); str() is one line, as wasm-info prints.
        WasmExportError if there is no such function."""
        self._check_open(f"describe({name!r})")
        extern = self._exports.get(name)
        if extern is None or extern.kind != "function":
            raise self._explain("describe", name)
        chosen = self._detection.exports.get(name)
        if chosen is None:
            return ExportProtocol(name, None, f"numeric export {extern.signature}: call it with "
                                              f"numbers (Runner.call / wasmCall)")
        return chosen

    def has_function(self, name: str) -> bool:
        """True when the guest exports a function called `name`."""
        self._check_open(f"has_function({name!r})")
        extern = self._exports.get(name)
        return extern is not None and extern.kind == "function"

    def functions(self) -> list[str]:
        """The names of the guest's exported functions, in export order."""
        self._check_open("functions()")
        return self._function_names()

    def call_string(self, name: str, text: str) -> str:
        """Call `name(ptr, len)` with `text` as UTF-8; return the guest's result as text."""
        return self._session.call_string(name, text)

    def call_bytes(self, name: str, data) -> bytes:
        """Call `name(ptr, len)` with raw bytes; return the guest's result bytes."""
        return self._session.call_bytes(name, data)

    def call(self, name: str, *args):
        """Call any exported function with numbers; i32/i64 results come back signed. A WASI
        exit with code 0 returns None; another code raises WasmExit."""
        sig = self._signature(name)
        if sig is not None:
            args = self._check_args(name, sig, args)
        try:
            result = self._session.call(name, args)
        except WasmExit as exc:
            if exc.code != 0:
                raise
            return None   # WASI proc_exit(0): the guest finished successfully
        return tuple(result) if isinstance(result, list) else result

    def _check_args(self, name: str, sig: Signature, args: tuple) -> tuple:
        where = f"module {self.name!r}, export {name!r}"
        if len(args) != len(sig.params):
            raise WasmExportError(f"{where} takes {len(sig.params)} argument(s) {sig}, "
                                  f"got {len(args)}")
        checked = []
        for i, (value, kind) in enumerate(zip(args, sig.params)):
            if kind in _INT_RANGES:
                low, high = _INT_RANGES[kind]
                if not isinstance(value, int) or isinstance(value, bool) or not low <= value < high:
                    raise WasmExportError(f"{where}: argument {i} must be an {kind} integer, "
                                          f"got {value!r}")
                bits = 32 if kind == "i32" else 64
                # u32/u64 values above the signed range are passed as their signed twin
                checked.append(value - (1 << bits) if value >= 1 << (bits - 1) else value)
            elif kind in ("f32", "f64"):
                if not isinstance(value, (int, float)) or isinstance(value, bool):
                    raise WasmExportError(f"{where}: argument {i} must be a number ({kind}), "
                                          f"got {value!r}")
                checked.append(float(value))
            else:
                raise WasmExportError(f"{where}: parameters of type {kind} are not supported")
        return tuple(checked)

    def register_string_handler(self, fn, name: str = "default") -> None:
        """Let the guest call `fn(str) -> str`: through env.hostCallStringHandler for
        "default", through env.hostCallNamedHandler(namePtr, nameLen, ptr, len) by name."""
        self._session.register_handler(name, fn)

    def register_host_function(self, namespace: str, name: str, fn) -> None:
        """Let the guest's string host import `namespace.name` (ptr, len) -> () or -> i32 call
        `fn(str)`; for an i32 import, fn's int (None: 0) is what the guest gets. Works before or
        after the guest is loaded: imports find their function at each call. The article's
        env.host* imports are answered by register_string_handler instead."""
        if not isinstance(namespace, str) or not isinstance(name, str):
            raise TypeError("register_host_function(namespace, name, fn): namespace and name "
                            "must be str")
        if namespace == "env" and name in HANDLER_IMPORTS:
            raise ValueError(f"env.{name} is the article's handler ABI: use "
                             f"register_string_handler")
        self._session.register_host_function(namespace, name, fn)

    def close(self) -> None:
        """Release the instance; every later call raises RunnerClosedError. Idempotent."""
        self._session.close()

    @property
    def closed(self) -> bool:
        return self._session.closed

    def __enter__(self) -> "Runner":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self.closed else "open"
        return f"<golo_fast.wasm.Runner {self.name!r} ({state})>"


def _discard_result(fn):
    """Adapt a handler entry point for a guest that declared the import without a result."""
    def host_import(*args):
        fn(*args)
    return host_import
