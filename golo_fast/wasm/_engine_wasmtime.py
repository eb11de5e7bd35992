"""The wasmtime engine (wasmtime-py 50): the only module that imports `wasmtime`.

Everything off the hot path goes through wasmtime-py's public API: compiling, the module cache
(`Module.serialize` / `deserialize`), linking, WASI, host functions, limits. Calls have two
paths that pass the same tests:

- the twin: `Instance.function()` returns callables that call `Func(store, *args)` (public API,
  ~15-30 µs a call), driven by either protocol session (`_memproto` or `_memproto_py`);
- the fast path, taken with the compiled protocol: `protocol()` hands the runner the session of
  `golo_fast._wasmtime_call`, which does a whole string round trip in C through the C API of
  the library wasmtime-py already loaded (`wasmtime_func_call_unchecked`, memory data/size).
  It needs three private facts of wasmtime-py 50, checked here at import (`FAST_PATH`,
  `FAST_PATH_PROBLEM`): the library's path (`wasmtime._ffi.filename`), where the C handles of a
  store, a function and a memory live, and the sizes of the structs the extension declares.
  If anything does not match, the twin is used.

Limits (`Limits` in _engine.py): `fuel` units and `timeout` seconds apply to each call into the
guest (every export invocation, getters and malloc included), `max_pages` to the memory of the
store. Fuel and epochs are compile-time settings of a wasmtime `Engine`, so there is one engine
(and one cache tag) per combination; a background thread ticks the epoch of the timeout engine.

Guest failures surface as `GuestTrapped` (a RuntimeError carrying the trap code or exit code):
the same class on both paths, mapped to golo errors by `Instance.map_trap`.
"""
from __future__ import annotations

import ctypes
import math
import platform
import sys
import threading

import wasmtime
from wasmtime import (
    Config,
    Engine,
    ExitTrap,
    FuncType,
    Linker,
    Module,
    Store,
    Trap,
    ValType,
    WasmtimeError,
)
from wasmtime import WasiConfig as _WasiConfig

from golo_fast import _accel
from golo_fast.errors import HandlerError, WasmExit, WasmLoadError, WasmTimeout, WasmTrap
from golo_fast.wasm._engine import Extern, HostFunction, Limits, Signature

WASM_MAGIC = b"\0asm"
PAGE_SIZE = 65536
# The epoch ticker's period: a timeout is rounded up to whole ticks (plus one, since the first
# tick may come at once).
TICK_SECONDS = 0.005
# wasmtime's trap codes (wasmtime_trap_code_t) that mean "ran out of time / fuel".
TRAP_INTERRUPT = 10
TRAP_OUT_OF_FUEL = 11
_WASI_NAMESPACES = ("wasi_snapshot_preview1", "wasi_unstable")
_VALTYPES = {"i32": ValType.i32, "i64": ValType.i64, "f32": ValType.f32, "f64": ValType.f64}


def _version() -> str:
    try:
        from importlib.metadata import version
        return version("wasmtime")
    except Exception:  # metadata missing (vendored install)
        return "unknown"


VERSION = _version()


class GuestTrapped(RuntimeError):
    """A guest call failed inside wasmtime: a trap (`trap_code`, wasmtime's number, or None),
    a WASI exit (`exit_code`), a host function that raised (`host_exception`, also chained as
    the cause), or another wasmtime error. `message` is wasmtime's text."""

    def __init__(self, message: str, trap_code: int | None = None, exit_code: int | None = None,
                 host_exception: BaseException | None = None):
        super().__init__(message)
        self.message = message
        self.trap_code = trap_code
        self.exit_code = exit_code
        self.host_exception = host_exception


def host_function_raised(exc: BaseException) -> GuestTrapped:
    """The GuestTrapped for a host function's exception (which becomes its cause)."""
    failure = GuestTrapped(f"a host function raised {type(exc).__name__}: {exc}",
                           host_exception=exc)
    failure.__cause__ = exc
    return failure


def _guest_trapped(exc: BaseException) -> GuestTrapped:
    """The GuestTrapped for what wasmtime-py raised from a call."""
    if isinstance(exc, ExitTrap):
        return GuestTrapped(str(exc), None, exc.code)
    code = None
    if isinstance(exc, Trap):
        trap_code = exc.trap_code
        code = trap_code.value if trap_code is not None else None
    return GuestTrapped(str(exc).rstrip("\0"), code, None)


def _take_last_exception():
    """The Python exception a host function raised during the last call (wasmtime-py parks it
    in `_func.LAST_EXCEPTION`), cleared; None if there is none."""
    from wasmtime import _func
    exc = _func.LAST_EXCEPTION
    _func.LAST_EXCEPTION = None
    return exc


# -- the fast path: checked once, at import ----------------------------------------------------

def _bind_fast_path():
    """(module, None) when golo_fast._wasmtime_call can drive this wasmtime, else (None, why)."""
    if _accel.NO_EXTENSIONS:
        return None, "GOLO_FAST_NO_EXTENSIONS is set"
    try:
        from golo_fast import _wasmtime_call
    except ImportError as exc:
        return None, f"golo_fast._wasmtime_call is not built ({exc})"
    try:
        from wasmtime import _ffi
        sizes = {
            "wasmtime_func_t": ctypes.sizeof(_ffi.wasmtime_func_t),
            "wasmtime_memory_t": ctypes.sizeof(_ffi.wasmtime_memory_t),
            "wasmtime_val_raw_t": ctypes.sizeof(_ffi.wasmtime_val_raw_t),
            "wasm_byte_vec_t": ctypes.sizeof(_ffi.wasm_byte_vec_t),
        }
        problem = _wasmtime_call.bind(str(_ffi.filename), sizes, GuestTrapped,
                                      host_function_raised, _take_last_exception)
    except Exception as exc:  # a wasmtime-py whose private layout moved
        return None, f"wasmtime-py internals differ: {type(exc).__name__}: {exc}"
    if problem:
        return None, problem
    return _wasmtime_call, None


_fast, FAST_PATH_PROBLEM = _bind_fast_path()
FAST_PATH = _fast is not None


def _address(pointer) -> int:
    """The address a ctypes pointer holds."""
    return ctypes.cast(pointer, ctypes.c_void_p).value or 0


# -- exports and memory ----------------------------------------------------------------------

class _Limiter:
    """What each guest call of one store starts with: fuel and an epoch deadline. A nested
    call (malloc for a handler's reply) runs on what the outer call has left."""

    def __init__(self, store: Store, limits: Limits):
        self.store = store
        self.fuel = limits.fuel or 0
        self.ticks = _ticks(limits.timeout) if limits.timeout is not None else 0
        self.depth = 0

    def arm(self) -> None:
        if self.depth:
            return
        if self.fuel:
            self.store.set_fuel(self.fuel)
        if self.ticks:
            self.store.set_epoch_deadline(self.ticks)


def _ticks(timeout: float) -> int:
    return max(1, math.ceil(timeout / TICK_SECONDS)) + 1


class Export:
    """One exported function, called through the public API: `export(*args)`.

    Raises GuestTrapped when the guest fails, also when a host function raised (its exception
    is the `host_exception` and the cause). `handle`, `signature`, `context`, `store` and
    `limiter` are what the fast path reads.
    """

    __slots__ = ("func", "store", "signature", "context", "limiter")

    @property
    def handle(self) -> bytes:
        """The function's C handle (a wasmtime_func_t), copied."""
        return bytes(self.func._func)

    def __init__(self, func, store: Store, signature: Signature, limiter: _Limiter | None):
        self.func = func
        self.store = store
        self.signature = signature
        self.context = _address(store._context())
        self.limiter = limiter

    def __call__(self, *args):
        limiter = self.limiter
        if limiter is not None:
            limiter.arm()
            limiter.depth += 1
        try:
            return self.func(self.store, *args)
        except (Trap, WasmtimeError) as exc:
            raise _guest_trapped(exc) from exc
        except Exception as exc:  # wasmtime-py re-raises a host function's own exception
            raise host_function_raised(exc) from exc
        finally:
            if limiter is not None:
                limiter.depth -= 1


def _live_memory(store: Store, memory):
    """An object whose buffer is the guest memory as it is at each `memoryview()` (what the
    protocol sessions need): the extension's LiveMemory (C handles when the fast path is
    bound, public API otherwise)."""
    if _fast is not None:
        return _fast.LiveMemory(store, _address(store._context()), bytes(memory._memory), None)
    module = _memory_helper()
    if module is not None:
        return module.LiveMemory(store, 0, b"", memory)
    raise WasmLoadError("the wasmtime engine needs the compiled golo_fast._wasmtime_call to "
                        f"expose guest memory as a buffer: {FAST_PATH_PROBLEM}")


def _memory_helper():
    """The extension for its LiveMemory alone (public-API mode), when the fast path is off."""
    try:
        from golo_fast import _wasmtime_call
    except ImportError:
        return None
    return _wasmtime_call


# -- the instance ------------------------------------------------------------------------------

class _WasmtimeInstance:
    trap_types = (GuestTrapped,)

    def __init__(self, store: Store, instance, limits: Limits, limiter: _Limiter | None):
        self._store = store
        self._exports = instance.exports(store)
        self._limits = limits
        self._limiter = limiter

    def function(self, name: str) -> Export:
        func = self._exports[name]
        ty = func.type(self._store)
        signature = Signature(tuple(str(t) for t in ty.params), tuple(str(t) for t in ty.results))
        return Export(func, self._store, signature, self._limiter)

    def memory(self):
        memory = self._exports.get("memory")
        if not isinstance(memory, wasmtime.Memory):
            return None
        return _live_memory(self._store, memory)

    def map_trap(self, exc: BaseException, module: str, export: str) -> Exception:
        where = f"module {module!r}, export {export!r}"
        if exc.host_exception is not None:
            return HandlerError(f"{where}: {exc.message}")
        if exc.exit_code is not None:
            return WasmExit(f"{where}: the guest exited with code {exc.exit_code}",
                            exc.exit_code)
        if exc.trap_code == TRAP_INTERRUPT:
            return WasmTimeout(f"{where}: the guest ran out of time (timeout "
                               f"{self._limits.timeout:g} s per call)")
        if exc.trap_code == TRAP_OUT_OF_FUEL:
            return WasmTimeout(f"{where}: the guest ran out of fuel ({self._limits.fuel} units "
                               f"per call)")
        message = f"{where}: guest trapped: {_reason(exc.message)}"
        if self._limits.max_pages is not None:
            pages = self._memory_pages()
            message += (f" (memory limit: max_pages={self._limits.max_pages}; the guest's "
                        f"memory has {pages} pages, and growing past the limit fails)")
        return WasmTrap(message)

    def _memory_pages(self):
        memory = self._exports.get("memory")
        return memory.size(self._store) if isinstance(memory, wasmtime.Memory) else 0


def _reason(message: str) -> str:
    """The line of wasmtime's text that says what trapped (it puts a backtrace first)."""
    lines = [line.strip() for line in message.strip().splitlines() if line.strip()]
    if not lines:
        return "unknown trap"
    reason = lines[-1]
    return reason[len("wasm trap: "):] if reason.startswith("wasm trap: ") else reason


# -- the engine --------------------------------------------------------------------------------

def _kind_and_signature(extern_type):
    if isinstance(extern_type, FuncType):
        return "function", Signature(tuple(str(t) for t in extern_type.params),
                                     tuple(str(t) for t in extern_type.results))
    if isinstance(extern_type, wasmtime.MemoryType):
        return "memory", None
    if isinstance(extern_type, wasmtime.GlobalType):
        return "global", None
    return "table", None


class _Ticker:
    """Increments an engine's epoch every TICK_SECONDS, forever, from a daemon thread (in C
    without the GIL when the extension is there: a fast-path guest call holds the GIL)."""

    def __init__(self, engine: Engine):
        if _fast is not None:
            target, args = _fast.tick_forever, (engine, _address(engine.ptr()),
                                                 int(TICK_SECONDS * 1e9))
        else:
            target, args = self._tick, (engine,)
        threading.Thread(target=target, args=args, name="golo-fast epoch ticker",
                         daemon=True).start()

    @staticmethod
    def _tick(engine: Engine) -> None:
        import time
        while True:
            time.sleep(TICK_SECONDS)
            engine.increment_epoch()


class _Configured:
    """A wasmtime `Engine` with or without fuel and epochs (and its ticker): one per
    combination for the process, shared by every load that asks for it."""

    def __init__(self, fuel: bool, epochs: bool):
        config = Config()
        config.consume_fuel = fuel
        config.epoch_interruption = epochs
        # Traps by explicit checks, not by signal handlers: a process-wide SIGILL/SIGSEGV handler
        # is not ours to keep. Anything that saves and later restores the handlers from before
        # wasmtime installed its own (faulthandler.disable() after an enable() that came first,
        # as an in-process pytest run does) would turn the next guest trap into a fatal signal.
        config.signals_based_traps = False
        self.engine = Engine(config)
        self.ticker = _Ticker(self.engine) if epochs else None
        # Compiled code is machine code made under this configuration for this platform.
        self.cache_tag = (f"wasmtime-py {VERSION}, fuel={fuel}, epochs={epochs}, signals=off, "
                          f"{sys.platform}-{platform.machine()}")


_CONFIGURED: dict[tuple[bool, bool], _Configured] = {}
_CONFIGURED_LOCK = threading.Lock()


def engine_for(limits: Limits) -> "WasmtimeEngine":
    """The engine for one load with `limits`."""
    key = (bool(limits.fuel), limits.timeout is not None)
    with _CONFIGURED_LOCK:
        configured = _CONFIGURED.get(key)
        if configured is None:
            configured = _CONFIGURED[key] = _Configured(*key)
    return WasmtimeEngine(configured, limits)


class WasmtimeEngine:
    """The Engine boundary for one load: a shared configured wasmtime `Engine` and the limits
    its instances get."""

    name = "wasmtime"
    # a store may move between threads; the session's lock keeps one call at a time
    thread_bound = False

    def __init__(self, configured: _Configured, limits: Limits):
        self._engine = configured.engine
        self._limits = limits
        self.cache_tag = configured.cache_tag

    def protocol(self, memproto):
        """The protocol module for a runner: the C-level session when the compiled protocol
        was chosen and the fast path is bound, else `memproto` itself (the twin path)."""
        if _fast is not None and memproto.__name__ == "golo_fast._memproto":
            return _fast
        return memproto

    def compile(self, wasm: bytes):
        # wasmtime-py would read anything without the magic as WAT text: refuse it like wasmer
        if wasm[:4] != WASM_MAGIC:
            raise WasmLoadError("not a valid wasm module: no \\0asm header")
        try:
            return Module(self._engine, wasm)
        except WasmtimeError as exc:
            raise WasmLoadError(f"not a valid wasm module: {_reason(str(exc))}") from None

    def serialize(self, compiled) -> bytes:
        return bytes(compiled.serialize())

    def deserialize(self, data: bytes):
        return Module.deserialize(self._engine, data)

    def exports(self, compiled) -> list[Extern]:
        return [Extern("", e.name, *_kind_and_signature(e.type)) for e in compiled.exports]

    def imports(self, compiled) -> list[Extern]:
        return [Extern(i.module, i.name or "", *_kind_and_signature(i.type))
                for i in compiled.imports]

    def needs_wasi(self, compiled) -> bool:
        return any(i.module in _WASI_NAMESPACES for i in compiled.imports)

    def instantiate(self, compiled, wasi_config, host: dict[tuple[str, str], HostFunction]):
        limits = self._limits
        store = Store(self._engine)
        if limits.max_pages is not None:
            store.set_limits(memory_size=limits.max_pages * PAGE_SIZE)
        limiter = _Limiter(store, limits) if (limits.fuel or limits.timeout is not None) else None
        if limiter is not None:
            limiter.arm()   # a start function runs during instantiation
        linker = Linker(self._engine)
        linker.allow_shadowing = True
        if wasi_config is not None:
            config = _WasiConfig()
            config.argv = [wasi_config.program_name or "", *wasi_config.args]
            config.env = list(dict(wasi_config.env).items())
            for guest_path, host_path in dict(wasi_config.dirs).items():
                config.preopen_dir(host_path, guest_path)
            # like wasmer: a guest's stdout/stderr is the process's own unless captured
            config.inherit_stdout()
            config.inherit_stderr()
            store.set_wasi(config)
            linker.define_wasi()
        for (namespace, name), host_fn in host.items():
            sig = host_fn.signature
            ty = FuncType([_VALTYPES[t]() for t in sig.params],
                          [_VALTYPES[t]() for t in sig.results])
            linker.define_func(namespace, name, ty, host_fn.fn)
        try:
            instance = linker.instantiate(store, compiled)
        except (Trap, WasmtimeError) as exc:
            message = _reason(str(exc))
            if limits.max_pages is not None and "memory" in message:
                message += f" (memory limit: max_pages={limits.max_pages})"
            raise WasmLoadError(f"cannot instantiate: {message}") from None
        return _WasmtimeInstance(store, instance, limits, limiter)
