# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True, binding=False
"""The wasmtime fast path, compiled (golo_fast._wasmtime_call).

A protocol `Session` that mirrors golo_fast/_memproto_py.py -- the spec -- name for name, error
for error and message for message, but calls the guest through wasmtime's C API instead of
Python callables: a whole string round trip (place the input, fn(ptr, len), both getters, bounds
checks, read) is one C-level method with no Python-level call in it. The C API is resolved at
`bind()` from the library wasmtime-py already loaded (dlopen RTLD_NOLOAD + dlsym: no build-time
link, no headers: the few structs used are declared here and their sizes checked against
wasmtime-py's own ctypes declarations). This module never imports wasmtime: the engine module
(golo_fast/wasm/_engine_wasmtime.py) hands it everything, and decides whether to use it.

Safety rules (see ../shared/runtime-facts.md): every handle is used only with the context of the
store it came from, and every object holding a context also holds its store, so the context never
dangles; a closed session refuses calls; guest calls run with the GIL held (the session's lock
serializes threads, and a store is not thread-safe); the memory's base and size are re-read from
C after every guest call; every (ptr, len) from the guest is checked before use.

Also here: `LiveMemory` (the guest memory as a buffer-protocol object whose buffer is the memory
as it is now, for the Python protocol session and the WASI capture) and `tick_forever` (the epoch
ticker's loop, run without the GIL so it ticks while a guest call holds it).
"""
from cpython.buffer cimport PyBUF_FORMAT, PyBUF_ND
from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize, PyBytes_GET_SIZE
from cpython.dict cimport PyDict_GetItem
from cpython.object cimport PyObject
from cpython.pythread cimport (
    NOWAIT_LOCK, WAIT_LOCK, PyThread_acquire_lock, PyThread_allocate_lock, PyThread_free_lock,
    PyThread_get_thread_ident, PyThread_release_lock, PyThread_type_lock,
)
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.stdint cimport int32_t, int64_t, uint8_t, uint32_t, uint64_t
from libc.string cimport memcpy

import ctypes
import weakref

from golo_fast.errors import (
    HandlerError,
    RunnerClosedError,
    WasmDecodeError,
    WasmMemoryError,
    WasmReentrancyError,
    WasmThreadError,
)

cdef extern from "Python.h":
    const char* PyUnicode_AsUTF8AndSize(object text, Py_ssize_t* size) except NULL
    unsigned long long PyLong_AsUnsignedLongLongMask(object value) except? <unsigned long long>-1

cdef extern from "<dlfcn.h>" nogil:
    void* dlopen(const char* filename, int flags)
    void* dlsym(void* handle, const char* symbol)
    char* dlerror()
    int RTLD_NOW
    int RTLD_NOLOAD

cdef extern from "<time.h>" nogil:
    struct timespec:
        long tv_sec
        long tv_nsec
    int nanosleep(const timespec* req, timespec* rem)

# -- the C API, declared (wasmtime 50's layouts; sizes checked in bind()) ---------------------

ctypedef struct wasmtime_func_t:       # { uint64_t store_id; void *__private; }
    uint64_t store_id
    void* private_
ctypedef struct wasmtime_memory_t:     # { { uint64_t store_id; uint32_t p1; }; uint32_t p2; }
    uint64_t words[3]
ctypedef union wasmtime_val_raw_t:
    int32_t i32
    int64_t i64
    float f32
    double f64
    uint8_t v128[16]
ctypedef struct wasm_byte_vec_t:
    size_t size
    char* data

ctypedef void wasmtime_context_t
ctypedef void wasmtime_error_t
ctypedef void wasm_trap_t
ctypedef void wasm_engine_t

ctypedef wasmtime_error_t* (*func_call_unchecked_t)(
    wasmtime_context_t*, const wasmtime_func_t*, wasmtime_val_raw_t*, size_t,
    wasm_trap_t**) noexcept nogil
ctypedef uint8_t* (*memory_data_t)(const wasmtime_context_t*, const wasmtime_memory_t*) noexcept nogil
ctypedef size_t (*memory_data_size_t)(const wasmtime_context_t*, const wasmtime_memory_t*) noexcept nogil
ctypedef void (*trap_delete_t)(wasm_trap_t*) noexcept nogil
ctypedef void (*trap_message_t)(const wasm_trap_t*, wasm_byte_vec_t*) noexcept nogil
ctypedef bint (*trap_code_t)(const wasm_trap_t*, uint8_t*) noexcept nogil
ctypedef void (*error_delete_t)(wasmtime_error_t*) noexcept nogil
ctypedef void (*error_message_t)(const wasmtime_error_t*, wasm_byte_vec_t*) noexcept nogil
ctypedef bint (*error_exit_status_t)(const wasmtime_error_t*, int*) noexcept nogil
ctypedef void (*byte_vec_delete_t)(wasm_byte_vec_t*) noexcept nogil
ctypedef wasmtime_error_t* (*set_fuel_t)(wasmtime_context_t*, uint64_t) noexcept nogil
ctypedef void (*set_epoch_deadline_t)(wasmtime_context_t*, uint64_t) noexcept nogil
ctypedef void (*increment_epoch_t)(wasm_engine_t*) noexcept nogil

cdef func_call_unchecked_t _func_call_unchecked = NULL
cdef memory_data_t _memory_data = NULL
cdef memory_data_size_t _memory_data_size = NULL
cdef trap_delete_t _trap_delete = NULL
cdef trap_message_t _trap_message = NULL
cdef trap_code_t _trap_code = NULL
cdef error_delete_t _error_delete = NULL
cdef error_message_t _error_message = NULL
cdef error_exit_status_t _error_exit_status = NULL
cdef byte_vec_delete_t _byte_vec_delete = NULL
cdef set_fuel_t _set_fuel = NULL
cdef set_epoch_deadline_t _set_epoch_deadline = NULL
cdef increment_epoch_t _increment_epoch = NULL
cdef bint _bound = False

cdef object _GuestTrapped = None          # the engine's failure class
cdef object _host_function_raised = None  # exception -> GuestTrapped for it
cdef object _take_last_exception = None   # () -> the exception a host function parked, or None

U32_MASK = 0xFFFFFFFF
FIXED_INPUT_OFFSET = 1024
MIN_CAPACITY = 64
REPLY_ALIGN = 8
HANDLER_OK = 0
HANDLER_FAILED = 1
NO_HANDLER = 2
BAD_MESSAGE = 3
REPLY_FAILED = 4

cdef uint64_t _U32_MASK = 0xFFFFFFFF
cdef uint64_t _FIXED_INPUT_OFFSET = 1024
cdef uint64_t _MIN_CAPACITY = 64
cdef uint64_t _REPLY_ALIGN = 8
cdef char* _FORMAT_B = "B"   # the buffer format of guest memory: unsigned bytes
# value kinds of the numeric call path; anything else goes through the engine's callable
cdef enum:
    KIND_I32 = 0
    KIND_I64 = 1
    KIND_F32 = 2
    KIND_F64 = 3
    MAX_VALUES = 16
_KINDS = {"i32": KIND_I32, "i64": KIND_I64, "f32": KIND_F32, "f64": KIND_F64}


def bind(str library, dict sizes, guest_trapped, host_function_raised, take_last_exception):
    """Resolve the C API from `library` (already loaded by wasmtime-py) and check the struct
    sizes wasmtime-py declares (`sizes`, by C type name) against ours.

    Returns "" when the fast path is usable, else why not (then nothing here is used for calls).
    """
    global _func_call_unchecked, _memory_data, _memory_data_size, _trap_delete, _trap_message
    global _trap_code, _error_delete, _error_message, _error_exit_status, _byte_vec_delete
    global _set_fuel, _set_epoch_deadline, _increment_epoch, _bound
    global _GuestTrapped, _host_function_raised, _take_last_exception
    ours = {
        "wasmtime_func_t": sizeof(wasmtime_func_t),
        "wasmtime_memory_t": sizeof(wasmtime_memory_t),
        "wasmtime_val_raw_t": sizeof(wasmtime_val_raw_t),
        "wasm_byte_vec_t": sizeof(wasm_byte_vec_t),
    }
    for name, size in ours.items():
        if sizes.get(name) != size:
            return f"{name} is {sizes.get(name)} bytes in wasmtime-py, {size} here"
    encoded = library.encode()
    cdef void* handle = dlopen(encoded, RTLD_NOW | RTLD_NOLOAD)
    if handle == NULL:
        return f"{library} is not loaded ({(<bytes>dlerror()).decode(errors='replace')})"
    symbols = {}
    for name in ("wasmtime_func_call_unchecked", "wasmtime_memory_data",
                 "wasmtime_memory_data_size", "wasm_trap_delete", "wasm_trap_message",
                 "wasmtime_trap_code", "wasmtime_error_delete", "wasmtime_error_message",
                 "wasmtime_error_exit_status", "wasm_byte_vec_delete", "wasmtime_context_set_fuel",
                 "wasmtime_context_set_epoch_deadline", "wasmtime_engine_increment_epoch"):
        address = <size_t>dlsym(handle, name.encode())
        if address == 0:
            return f"symbol {name} is missing from {library}"
        symbols[name] = address
    _func_call_unchecked = <func_call_unchecked_t><size_t>symbols["wasmtime_func_call_unchecked"]
    _memory_data = <memory_data_t><size_t>symbols["wasmtime_memory_data"]
    _memory_data_size = <memory_data_size_t><size_t>symbols["wasmtime_memory_data_size"]
    _trap_delete = <trap_delete_t><size_t>symbols["wasm_trap_delete"]
    _trap_message = <trap_message_t><size_t>symbols["wasm_trap_message"]
    _trap_code = <trap_code_t><size_t>symbols["wasmtime_trap_code"]
    _error_delete = <error_delete_t><size_t>symbols["wasmtime_error_delete"]
    _error_message = <error_message_t><size_t>symbols["wasmtime_error_message"]
    _error_exit_status = <error_exit_status_t><size_t>symbols["wasmtime_error_exit_status"]
    _byte_vec_delete = <byte_vec_delete_t><size_t>symbols["wasm_byte_vec_delete"]
    _set_fuel = <set_fuel_t><size_t>symbols["wasmtime_context_set_fuel"]
    _set_epoch_deadline = <set_epoch_deadline_t><size_t>symbols["wasmtime_context_set_epoch_deadline"]
    _increment_epoch = <increment_epoch_t><size_t>symbols["wasmtime_engine_increment_epoch"]
    _GuestTrapped = guest_trapped
    _host_function_raised = host_function_raised
    _take_last_exception = take_last_exception
    _bound = True
    return ""


def tick_forever(engine, size_t engine_address, long interval_ns):
    """Increment the epoch of the engine at `engine_address` every `interval_ns`, forever,
    without the GIL. `engine` (the Python object owning it) stays referenced by this frame, so
    the engine outlives the loop."""
    if not _bound:
        raise RuntimeError("golo_fast._wasmtime_call is not bound")
    cdef timespec delay
    delay.tv_sec = interval_ns // 1000000000
    delay.tv_nsec = interval_ns % 1000000000
    cdef wasm_engine_t* c_engine = <wasm_engine_t*>engine_address
    with nogil:
        while True:
            nanosleep(&delay, NULL)
            _increment_epoch(c_engine)


cdef inline uint64_t _u32(object value) except? <uint64_t>-1:
    return PyLong_AsUnsignedLongLongMask(value) & _U32_MASK


def u32(value):
    """A guest's i32/i64 result (signed in Python) read as an unsigned 32-bit number."""
    return _u32(value)


cdef uint64_t _capacity_for(uint64_t length):
    cdef uint64_t capacity = _MIN_CAPACITY
    while capacity < length:
        capacity *= 2
    return capacity


def capacity_for(length):
    """The size of the malloc'd buffer that holds `length` bytes: a power of two, >= MIN_CAPACITY."""
    return _capacity_for(length)


cdef int _check_range(str module, object export, str what, uint64_t ptr, uint64_t length,
                      uint64_t size) except -1:
    # ptr and length are < 2**32, so the uint64 sum cannot wrap
    if ptr + length > size:
        raise WasmMemoryError(
            f"module {module!r}, export {export!r}: {what} ptr={ptr} len={length} ends at "
            f"{ptr + length}, past the end of guest memory ({size} bytes)"
        )
    return 0


def check_range(module, export, what, ptr, length, size):
    """Raise WasmMemoryError unless [ptr, ptr + length) lies inside a memory of `size` bytes."""
    if ptr + length > size:
        raise WasmMemoryError(
            f"module {module!r}, export {export!r}: {what} ptr={ptr} len={length} ends at "
            f"{ptr + length}, past the end of guest memory ({size} bytes)"
        )


cdef str _vec_text(wasm_byte_vec_t* vec):
    text = PyBytes_FromStringAndSize(vec.data, <Py_ssize_t>vec.size).decode("utf-8", "replace")
    return text.rstrip("\0")   # wasm_trap_message counts a trailing NUL


# -- guest memory ------------------------------------------------------------------------------

cdef class LiveMemory:
    """The guest memory as a buffer-protocol object: each `memoryview(m)` (or C-level buffer
    request) sees the memory's current base and size.

    Fast mode (`context` nonzero): the store's context and the memory's C handle (a
    wasmtime_memory_t, as bytes), read through the bound C API. Public mode (`memory` given):
    wasmtime-py's `Memory.data_ptr(store)` / `data_len(store)`. The store is referenced weakly
    (the WASI capture keeps this object from a host function, and a strong reference would keep
    the store alive forever through wasmtime-py's table of host functions); a buffer request
    after the store is gone or closed raises BufferError.
    """

    cdef object _store_ref
    cdef object _memory
    cdef wasmtime_context_t* _context
    cdef wasmtime_memory_t _handle
    cdef Py_ssize_t _shape

    def __init__(self, store, size_t context, bytes handle, memory):
        self._store_ref = weakref.ref(store)
        self._memory = memory
        if context:
            if not _bound:
                raise RuntimeError("golo_fast._wasmtime_call is not bound")
            if PyBytes_GET_SIZE(handle) != sizeof(wasmtime_memory_t):
                raise ValueError(f"a memory handle has {sizeof(wasmtime_memory_t)} bytes, "
                                 f"not {PyBytes_GET_SIZE(handle)}")
            memcpy(&self._handle, PyBytes_AS_STRING(handle), sizeof(wasmtime_memory_t))
            self._context = <wasmtime_context_t*>context
        elif memory is None:
            raise ValueError("LiveMemory needs a context and handle, or a wasmtime Memory")

    cdef inline bint fast(self):
        return self._context != NULL

    cdef inline uint8_t* base(self):
        return _memory_data(self._context, &self._handle)

    cdef inline uint64_t size(self):
        return _memory_data_size(self._context, &self._handle)

    def __getbuffer__(self, Py_buffer* view, int flags):
        cdef size_t address
        cdef Py_ssize_t size
        store = self._store_ref()
        if store is None:
            raise BufferError("the guest's store is gone (its runner was closed)")
        try:
            store._context()   # raises once the store is closed: its context is gone
        except ValueError:
            raise BufferError("the guest's store is closed (its runner was closed)") from None
        if self._context != NULL:
            address = <size_t>_memory_data(self._context, &self._handle)
            size = <Py_ssize_t>_memory_data_size(self._context, &self._handle)
        else:
            size = self._memory.data_len(store)
            address = ctypes.cast(self._memory.data_ptr(store), ctypes.c_void_p).value or 0
        self._shape = size
        view.buf = <void*>address
        view.obj = self
        view.len = size
        view.readonly = 0
        view.itemsize = 1
        view.format = NULL
        if flags & PyBUF_FORMAT:
            view.format = _FORMAT_B
        view.ndim = 1
        view.shape = &self._shape if flags & PyBUF_ND else NULL
        view.strides = NULL
        view.suboffsets = NULL
        view.internal = NULL

    def __releasebuffer__(self, Py_buffer* view):
        pass


# -- exports -----------------------------------------------------------------------------------

cdef class _Func:
    """An export's C handle and its signature as kinds (numeric path only if all are numbers)."""
    cdef wasmtime_func_t handle
    cdef object export          # the engine's callable (public API), for everything else
    cdef int nparams
    cdef int nresults
    cdef bint numeric
    cdef uint8_t params[MAX_VALUES]
    cdef uint8_t results[MAX_VALUES]

    def __init__(self, export):
        handle = export.handle
        if PyBytes_GET_SIZE(handle) != sizeof(wasmtime_func_t):
            raise ValueError(f"a function handle has {sizeof(wasmtime_func_t)} bytes, "
                             f"not {PyBytes_GET_SIZE(handle)}")
        memcpy(&self.handle, PyBytes_AS_STRING(handle), sizeof(wasmtime_func_t))
        self.export = export
        params = export.signature.params
        results = export.signature.results
        self.nparams = len(params)
        self.nresults = len(results)
        self.numeric = (self.nparams <= MAX_VALUES and self.nresults <= MAX_VALUES
                        and all(t in _KINDS for t in params) and all(t in _KINDS for t in results))
        if self.numeric:
            for i, t in enumerate(params):
                self.params[i] = _KINDS[t]
            for i, t in enumerate(results):
                self.results[i] = _KINDS[t]


cdef class Session:
    """One instantiated guest's side of the protocol, calling it through wasmtime's C API.
    See golo_fast._memproto_py.Session: same methods, same errors, same messages.

    `attach` takes the engine's `Export` objects (their C handles, signatures, store context
    and limits are read once here) and a `LiveMemory` in fast mode.
    """

    cdef readonly str module
    cdef object _explain
    cdef object _trap_types
    cdef object _map_trap
    cdef PyThread_type_lock _lock
    cdef bint _thread_bound
    cdef unsigned long _thread
    cdef unsigned long _owner
    cdef bint _owned
    cdef object _current
    cdef object _pending
    cdef bint _closed
    cdef dict _handlers
    cdef LiveMemory _memory
    cdef object _store                 # keeps the context valid
    cdef wasmtime_context_t* _context
    cdef uint64_t _fuel                # set before each guest call when nonzero
    cdef uint64_t _ticks               # epoch deadline set before each guest call when nonzero
    cdef int _depth                    # guest calls in progress (host handlers call malloc)
    cdef dict _protocol                # name -> _Func taking (ptr, len), 3-function
    cdef dict _packed                  # name -> _Func (ptr, len) -> i64, packed return
    cdef bint _free_takes_size         # deallocate(ptr, size) rather than free(ptr)
    cdef dict _host_functions          # (namespace, name) -> fn for string host imports
    cdef dict _numeric                 # name -> _Func
    cdef _Func _malloc
    cdef _Func _free
    cdef _Func _get_result_ptr
    cdef _Func _get_result_len
    cdef uint64_t _in_ptr
    cdef uint64_t _in_cap
    cdef uint64_t _in_len
    cdef uint64_t _reply_buf
    cdef uint64_t _reply_cap
    cdef uint64_t _reply_ptr
    cdef uint64_t _reply_len

    def __cinit__(self):
        self._lock = PyThread_allocate_lock()
        if self._lock == NULL:
            raise MemoryError("cannot allocate a lock")

    def __dealloc__(self):
        if self._lock != NULL:
            PyThread_free_lock(self._lock)

    def __init__(self, str module, explain, thread=None):
        if not _bound:
            raise RuntimeError("golo_fast._wasmtime_call is not bound (see "
                               "golo_fast.wasm._engine_wasmtime.FAST_PATH_PROBLEM)")
        self.module = module
        self._explain = explain
        self._thread_bound = thread is not None
        self._thread = thread if thread is not None else 0
        self._trap_types = ()
        self._map_trap = None
        self._handlers = {}
        self._protocol = {}
        self._packed = {}
        self._host_functions = {}
        self._numeric = {}

    def attach(self, memory, dict protocol, dict numeric, malloc, free,
               get_result_ptr, get_result_len, tuple trap_types, map_trap,
               packed=None, free_takes_size=False):
        """Give the session the instance's memory and export functions (each looked up once);
        `packed` holds the packed-return exports, and `free` is `deallocate(ptr, size)` when
        `free_takes_size` (see golo_fast._memproto_py.Session.attach)."""
        cdef LiveMemory live = None
        first = None
        for export in numeric.values():
            first = export
            break
        if memory is not None:
            live = <LiveMemory?>memory
            if not live.fast():
                raise ValueError("the fast session needs a LiveMemory in fast mode")
        if first is not None:
            self._store = first.store
            self._context = <wasmtime_context_t*><size_t>first.context
            limiter = first.limiter
            if limiter is not None:
                self._fuel = limiter.fuel
                self._ticks = limiter.ticks
            for export in numeric.values():
                if export.store is not self._store:
                    raise ValueError("exports of different stores")
            if live is not None and (live._store_ref() is not self._store
                                     or live._context != self._context):
                raise ValueError("the memory belongs to another store")
        self._trap_types = trap_types
        self._map_trap = map_trap
        self._memory = live
        funcs = {name: _Func(export) for name, export in numeric.items()}
        self._numeric = funcs
        self._protocol = {name: funcs[name] for name in protocol}
        self._packed = {name: funcs[name] for name in (packed or {})}
        self._free_takes_size = bool(free_takes_size)
        self._malloc = funcs[_name_of(numeric, malloc)] if malloc is not None else None
        self._free = funcs[_name_of(numeric, free)] if free is not None else None
        self._get_result_ptr = (funcs[_name_of(numeric, get_result_ptr)]
                                if get_result_ptr is not None else None)
        self._get_result_len = (funcs[_name_of(numeric, get_result_len)]
                                if get_result_len is not None else None)

    # -- guest calls through the C API --------------------------------------------------------

    cdef int _invoke(self, object export, _Func fn, wasmtime_val_raw_t* values,
                     size_t count) except -1:
        """fn(values...) in place (results overwrite the arguments); raise as the twin would."""
        cdef wasm_trap_t* trap = NULL
        cdef wasmtime_error_t* error
        if self._depth == 0:
            # limits are per call from the host; a nested call (malloc for a handler's reply)
            # runs on what the outer call has left
            if self._fuel:
                error = _set_fuel(self._context, self._fuel)
                if error != NULL:
                    _error_delete(error)
            if self._ticks:
                _set_epoch_deadline(self._context, self._ticks)
        self._depth += 1
        error = _func_call_unchecked(self._context, &fn.handle, values, count, &trap)
        self._depth -= 1
        if error != NULL or trap != NULL:
            self._call_failed(export, error, trap)
        return 0

    cdef int _call_failed(self, object export, wasmtime_error_t* error,
                          wasm_trap_t* trap) except -1:
        """Turn what a failed call left (a trap or an error; each freed here) into the
        exception the twin raises: the pending host error first, then the host function's
        own exception, then the trap or exit."""
        cdef wasm_byte_vec_t vec
        cdef uint8_t code = 0
        cdef int status = 0
        trap_code = exit_code = None
        message = ""
        if trap != NULL:
            _trap_message(trap, &vec)
            message = _vec_text(&vec)
            _byte_vec_delete(&vec)
            if _trap_code(trap, &code):
                trap_code = code
            _trap_delete(trap)
        if error != NULL:
            if _error_exit_status(error, &status):
                exit_code = status
            _error_message(error, &vec)
            message = _vec_text(&vec)
            _byte_vec_delete(&vec)
            _error_delete(error)
        raised = _take_last_exception()
        if raised is not None:
            failure = _host_function_raised(raised) if isinstance(raised, Exception) else raised
        else:
            failure = _GuestTrapped(message, trap_code, exit_code)
        self._guest_failed(export, failure)
        return -1

    cdef uint64_t _call_i32(self, object export, _Func fn) except? 0xFFFFFFFFFFFFFFFF:
        """fn() -> i32, as u32 (the getters)."""
        cdef wasmtime_val_raw_t value[1]
        self._invoke(export, fn, value, 1)
        return <uint32_t>value[0].i32

    cdef object _call_numeric(self, object export, _Func fn, tuple args):
        cdef wasmtime_val_raw_t values[MAX_VALUES]
        cdef int i
        cdef uint8_t kind
        for i in range(fn.nparams):
            kind = fn.params[i]
            if kind == KIND_I32:
                values[i].i32 = <int32_t>args[i]
            elif kind == KIND_I64:
                values[i].i64 = <int64_t>args[i]
            elif kind == KIND_F32:
                values[i].f32 = <float>args[i]
            else:
                values[i].f64 = <double>args[i]
        self._invoke(export, fn, values, max(fn.nparams, fn.nresults))
        results = []
        for i in range(fn.nresults):
            kind = fn.results[i]
            if kind == KIND_I32:
                results.append(values[i].i32)
            elif kind == KIND_I64:
                results.append(values[i].i64)
            elif kind == KIND_F32:
                results.append(values[i].f32)
            else:
                results.append(values[i].f64)
        if fn.nresults == 0:
            return None
        if fn.nresults == 1:
            return results[0]
        return results

    cdef int _guest_failed(self, object export, BaseException exc) except -1:
        pending = self._pending
        if pending is not None:
            self._pending = None
            raise pending
        if isinstance(exc, self._trap_types):
            raise self._map_trap(exc, export) from exc
        raise exc

    cdef int _raise_pending(self) except -1:
        pending = self._pending
        if pending is not None:
            self._pending = None
            raise pending
        return 0

    # -- memory access ------------------------------------------------------------------------

    cdef int _no_memory(self, object export, str what) except -1:
        raise WasmMemoryError(f"module {self.module!r}, export {export!r}: no {what} without "
                              f"an exported memory")

    cdef int _write(self, object export, str what, uint64_t ptr, const char* data,
                    Py_ssize_t length) except -1:
        if self._memory is None:
            self._no_memory(export, what)
        cdef uint64_t size = self._memory.size()
        _check_range(self.module, export, what, ptr, <uint64_t>length, size)
        if length:
            memcpy(self._memory.base() + ptr, data, length)
        return 0

    cdef object _read(self, object export, str what, uint64_t ptr, uint64_t length,
                      bint as_text):
        if self._memory is None:
            self._no_memory(export, what)
        cdef uint64_t size = self._memory.size()
        cdef const char* start
        _check_range(self.module, export, what, ptr, length, size)
        start = <const char*>self._memory.base() + ptr
        if not as_text:
            return PyBytes_FromStringAndSize(start, <Py_ssize_t>length)
        try:
            return PyUnicode_DecodeUTF8(start, <Py_ssize_t>length, NULL)
        except UnicodeDecodeError as exc:
            raise WasmDecodeError(
                f"module {self.module!r}, export {export!r}: {what} is not valid UTF-8 "
                f"({length} bytes at ptr={ptr}): {exc.reason} at byte {exc.start}"
            ) from None

    # -- the calls ---------------------------------------------------------------------------

    def call_string(self, name, text):
        """Call export `name` with `text` (UTF-8) through the protocol; return its result text."""
        cdef Py_ssize_t length
        cdef const char* data
        if not isinstance(text, str):
            raise TypeError(f"call_string() needs str input, not {type(text).__name__}")
        data = PyUnicode_AsUTF8AndSize(text, &length)
        return self._roundtrip("call_string", name, data, length, True)

    def call_bytes(self, name, data):
        """Call export `name` with raw bytes (any bytes-like object) through the protocol;
        return its result bytes."""
        if isinstance(data, str) or not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"call_bytes() needs bytes-like input, not {type(data).__name__}")
        if type(data) is not bytes:
            data = bytes(data)
        return self._roundtrip("call_bytes", name, PyBytes_AS_STRING(data),
                               PyBytes_GET_SIZE(data), False)

    def call(self, name, tuple args):
        """Call any export with plain numbers; return what the engine returns."""
        cdef PyObject* found
        cdef _Func fn
        self._enter("call", name)
        try:
            found = PyDict_GetItem(self._numeric, name)
            if found == NULL:
                raise self._explain("call", name)
            fn = <_Func>found
            if fn.numeric and len(args) == fn.nparams:
                result = self._call_numeric(name, fn, args)
            else:
                try:
                    result = fn.export(*args)
                except BaseException as exc:
                    self._guest_failed(name, exc)
            self._raise_pending()
            return result
        finally:
            self._leave()

    cdef object _roundtrip(self, str api, object name, const char* data, Py_ssize_t length,
                           bint as_text):
        cdef PyObject* found
        cdef uint64_t ptr, result_ptr, result_len
        cdef wasmtime_val_raw_t values[2]
        self._enter(api, name)
        try:
            found = PyDict_GetItem(self._protocol, name)
            if found == NULL:
                found = PyDict_GetItem(self._packed, name)
                if found != NULL:
                    return self._packed_call(name, <_Func>found, data, length, as_text)
                raise self._explain(api, name)
            if self._get_result_ptr is None or self._get_result_len is None:
                raise self._explain(api, name)
            ptr = self._place_input(name, data, length)
            values[0].i32 = <int32_t>ptr
            values[1].i32 = <int32_t>length
            self._invoke(name, <_Func>found, values, 2)
            result_ptr = self._call_i32(name, self._get_result_ptr)
            result_len = self._call_i32(name, self._get_result_len)
            if self._pending is not None:
                self._raise_pending()
            return self._read(name, "result", result_ptr, result_len, as_text)
        finally:
            self._leave()

    cdef object _packed_call(self, object name, _Func fn, const char* data, Py_ssize_t length,
                             bint as_text):
        """One packed-return call: input, fn(ptr, len) -> i64, read, free the result."""
        cdef wasmtime_val_raw_t values[2]
        cdef uint64_t ptr, packed, result_ptr, result_len
        ptr = self._place_input(name, data, length)
        values[0].i32 = <int32_t>ptr
        values[1].i32 = <int32_t>length
        self._invoke(name, fn, values, 2)
        packed = <uint64_t>values[0].i64
        result_ptr = packed >> 32
        result_len = packed & _U32_MASK
        if self._pending is not None:
            # a host import failed: give the block back (if it is one), then raise that
            try:
                if self._memory is not None and result_ptr + result_len <= self._memory.size():
                    self._free_block(name, result_ptr, result_len)
            finally:
                self._raise_pending()
        try:
            result = self._read(name, "result", result_ptr, result_len, as_text)
        except WasmDecodeError:
            self._free_block(name, result_ptr, result_len)   # read fine, but not text
            raise
        self._free_block(name, result_ptr, result_len)
        self._raise_pending()
        return result

    cdef int _free_block(self, object export, uint64_t ptr, uint64_t size) except -1:
        """Give a block back to the guest's allocator: free(ptr) or deallocate(ptr, size)."""
        cdef wasmtime_val_raw_t values[2]
        if ptr == 0:
            return 0
        values[0].i32 = <int32_t>ptr
        if self._free_takes_size:
            values[1].i32 = <int32_t>size
            self._invoke(export, self._free, values, 2)
        else:
            self._invoke(export, self._free, values, 1)
        return 0

    cdef uint64_t _place_input(self, object export, const char* data,
                               Py_ssize_t length) except? 0:
        cdef uint64_t ptr
        if self._malloc is None:
            ptr = _FIXED_INPUT_OFFSET
        else:
            if <uint64_t>length > self._in_cap or self._in_ptr == 0:
                old, old_cap = self._in_ptr, self._in_cap
                self._in_ptr = 0
                self._in_cap = 0
                self._in_ptr, self._in_cap = self._allocate(export, old, old_cap, length,
                                                            "input buffer")
            ptr = self._in_ptr
        self._in_len = length
        self._write(export, "input", ptr, data, length)
        return ptr

    cdef tuple _allocate(self, object export, uint64_t old, uint64_t old_cap, uint64_t length,
                         str what):
        """Free `old` (a block of `old_cap` bytes) if set, then allocate a buffer for `length`
        bytes; return (ptr, capacity)."""
        cdef wasmtime_val_raw_t value[1]
        cdef uint64_t capacity, ptr
        if old:
            self._free_block(export, old, old_cap)
        capacity = _capacity_for(length)
        value[0].i32 = <int32_t>capacity
        self._invoke(export, self._malloc, value, 1)
        ptr = <uint32_t>value[0].i32
        if ptr == 0:
            raise WasmMemoryError(
                f"module {self.module!r}, export {export!r}: malloc({capacity}) for the {what} "
                f"returned 0"
            )
        if self._memory is None:
            self._no_memory(export, what)
        _check_range(self.module, export, what, ptr, capacity, self._memory.size())
        return ptr, capacity

    # -- lock, re-entrancy, close -------------------------------------------------------------

    cdef int _enter(self, str api, object name) except -1:
        cdef unsigned long me = PyThread_get_thread_ident()
        if self._owned and self._owner == me:
            raise WasmReentrancyError(
                f"module {self.module!r}: {api}({name!r}) called while export "
                f"{self._current!r} is running on the same thread (a handler called back into "
                f"its own runner); runners are not re-entrant"
            )
        self._acquire()
        if self._closed:
            PyThread_release_lock(self._lock)
            raise RunnerClosedError(f"module {self.module!r}: {api}({name!r}) on a closed runner")
        if self._thread_bound and self._thread != me:
            PyThread_release_lock(self._lock)
            raise WasmThreadError(
                f"module {self.module!r}: {api}({name!r}) from thread {me}, "
                f"but this runner belongs to thread {self._thread}, which loaded it (the "
                f"engine's objects cannot leave it); load with threads=True to share a runner"
            )
        self._owner = me
        self._owned = True
        self._current = name
        return 0

    cdef inline void _acquire(self):
        if not PyThread_acquire_lock(self._lock, NOWAIT_LOCK):
            with nogil:
                PyThread_acquire_lock(self._lock, WAIT_LOCK)

    cdef inline void _leave(self):
        self._pending = None
        self._current = None
        self._owned = False
        PyThread_release_lock(self._lock)

    def close(self):
        """Refuse every later call and drop the instance's objects; closing twice is fine."""
        if self._owned and self._owner == PyThread_get_thread_ident():
            raise WasmReentrancyError(
                f"module {self.module!r}: close() called while export {self._current!r} is "
                f"running on the same thread (a handler called back into its own runner); "
                f"runners are not re-entrant"
            )
        self._acquire()
        try:
            self._closed = True
            self._map_trap = None
            self._memory = None
            self._protocol = {}
            self._packed = {}
            self._numeric = {}
            self._malloc = self._free = None
            self._get_result_ptr = self._get_result_len = None
            self._handlers = {}
            self._host_functions = {}
            self._context = NULL
            store, self._store = self._store, None
            if store is not None:
                # This session owns its runner's store: deleting it now frees the instance and
                # wasmtime-py's entries for its host functions (which reference this session).
                store.close()
        finally:
            PyThread_release_lock(self._lock)

    @property
    def closed(self):
        return self._closed

    # -- host handlers ------------------------------------------------------------------------

    def register_handler(self, name, fn):
        """Make `fn(str) -> str` answer the guest's calls for handler `name`."""
        if not callable(fn):
            raise TypeError(f"handler {name!r} must be callable, not {type(fn).__name__}")
        if self._closed:
            raise RunnerClosedError(
                f"module {self.module!r}: register_string_handler({name!r}) on a closed runner")
        self._handlers[name] = fn

    def register_host_function(self, namespace, name, fn):
        """Make `fn(str)` answer the guest's string host import `namespace.name`."""
        if not callable(fn):
            raise TypeError(f"host function {namespace}.{name} must be callable, not "
                            f"{type(fn).__name__}")
        if self._closed:
            raise RunnerClosedError(
                f"module {self.module!r}: register_host_function({namespace!r}, {name!r}) on a "
                f"closed runner")
        self._host_functions[(namespace, name)] = fn

    def host_import(self, namespace, name):
        """The trampoline bound to the guest's import `namespace.name` (ptr, len) -> i32: it
        looks the registered function up at each call."""
        key = (namespace, name)

        def trampoline(ptr, length):
            return self._call_host_function(key, ptr, length)
        return trampoline

    def _call_host_function(self, tuple key, ptr, length):
        export = self._current
        qualified = f"{key[0]}.{key[1]}"
        try:
            message = self._read(export, f"message to {qualified}", _u32(ptr), _u32(length),
                                 True)
        except (WasmMemoryError, WasmDecodeError) as exc:
            return self._fail(BAD_MESSAGE, exc)
        fn = self._host_functions.get(key)
        if fn is None:
            registered = sorted(f"{ns}.{n}" for ns, n in self._host_functions)
            return self._fail(NO_HANDLER, HandlerError(
                f"module {self.module!r}, export {export!r}: the guest called the host "
                f"function {qualified}, but none is registered under that name (registered: "
                f"{registered}; register one with register_host_function / "
                f"wasmRegisterHostFunction)"
            ))
        try:
            result = fn(message)
        except Exception as exc:
            error = HandlerError(
                f"module {self.module!r}, export {export!r}: host function {qualified} raised "
                f"{type(exc).__name__}: {exc}"
            )
            error.__cause__ = exc
            return self._fail(HANDLER_FAILED, error)
        if result is None:
            return 0
        if not isinstance(result, int) or not -(2**31) <= result < 2**32:
            return self._fail(HANDLER_FAILED, HandlerError(
                f"module {self.module!r}, export {export!r}: host function {qualified} returned "
                f"{result!r}; a string host import returns an i32 (or nothing)"
            ))
        return result - 2**32 if result >= 2**31 else int(result)

    def host_call_string(self, ptr, length):
        """env.hostCallStringHandler(ptr, len): the article's call, to the "default" handler."""
        return self._handle("default", ptr, length)

    def host_call_named(self, name_ptr, name_len, ptr, length):
        """env.hostCallNamedHandler(namePtr, nameLen, ptr, len): call the handler named there."""
        try:
            name = self._read(self._current, "handler name", _u32(name_ptr), _u32(name_len),
                              True)
        except (WasmMemoryError, WasmDecodeError) as exc:
            return self._fail(BAD_MESSAGE, exc)
        return self._handle(name, ptr, length)

    def host_result_ptr(self):
        """env.hostGetResultPtr(): where the last handler reply starts."""
        return self._reply_ptr

    def host_result_len(self):
        """env.hostGetResultLen(): how many bytes the last handler reply has."""
        return self._reply_len

    cdef object _handle(self, object name, object ptr, object length):
        export = self._current
        try:
            message = self._read(export, "handler message", _u32(ptr), _u32(length), True)
        except (WasmMemoryError, WasmDecodeError) as exc:
            return self._fail(BAD_MESSAGE, exc)
        fn = self._handlers.get(name)
        if fn is None:
            return self._fail(NO_HANDLER, HandlerError(
                f"module {self.module!r}, export {export!r}: the guest called handler {name!r} "
                f"but none is registered under that name (registered: {sorted(self._handlers)})"
            ))
        try:
            reply = fn(message)
        except Exception as exc:
            error = HandlerError(
                f"module {self.module!r}, export {export!r}: handler {name!r} raised "
                f"{type(exc).__name__}: {exc}"
            )
            error.__cause__ = exc
            return self._fail(HANDLER_FAILED, error)
        if isinstance(reply, str):
            try:
                reply = reply.encode("utf-8")
            except UnicodeEncodeError as exc:   # lone surrogates: the handler's mistake
                error = HandlerError(
                    f"module {self.module!r}, export {export!r}: handler {name!r} returned "
                    f"text that is not encodable as UTF-8: {exc.reason}"
                )
                error.__cause__ = exc
                return self._fail(HANDLER_FAILED, error)
        elif not isinstance(reply, bytes):
            return self._fail(HANDLER_FAILED, HandlerError(
                f"module {self.module!r}, export {export!r}: handler {name!r} returned "
                f"{type(reply).__name__}, expected str"
            ))
        try:
            self._place_reply(export, reply)
        except Exception as exc:  # no room, malloc returned 0, or a trap inside malloc
            return self._fail(REPLY_FAILED, exc)
        return HANDLER_OK

    cdef int _place_reply(self, object export, bytes data) except -1:
        cdef uint64_t ptr
        cdef uint64_t length = <uint64_t>PyBytes_GET_SIZE(data)
        if self._malloc is None:
            ptr = _FIXED_INPUT_OFFSET + (self._in_len + _REPLY_ALIGN - 1) // _REPLY_ALIGN * _REPLY_ALIGN
        else:
            if length > self._reply_cap or self._reply_buf == 0:
                old, old_cap = self._reply_buf, self._reply_cap
                self._reply_buf = 0
                self._reply_cap = 0
                self._reply_buf, self._reply_cap = self._allocate(export, old, old_cap, length,
                                                                  "handler reply buffer")
            ptr = self._reply_buf
        self._write(export, "handler reply", ptr, PyBytes_AS_STRING(data), <Py_ssize_t>length)
        self._reply_ptr = ptr
        self._reply_len = length
        return 0

    cdef int _fail(self, int code, error):
        """Remember the first failure of this guest call; give the guest `code` and no reply."""
        self._reply_ptr = 0
        self._reply_len = 0
        if self._pending is None:
            self._pending = error
        return code


cdef object _name_of(dict exports, object export):
    """The name under which `export` (one of the engine's export objects) is in `exports`."""
    for name, candidate in exports.items():
        if candidate is export:
            return name
    raise ValueError("an export passed to attach() is not among the module's functions")
