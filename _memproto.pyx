# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True, binding=False
"""The string protocol between a Python host and a wasm guest, compiled (golo_fast._memproto).

This mirrors golo_fast/_memproto_py.py -- the spec -- name for name, argument for argument,
error for error and message for message; read the twin for what each piece does and why.
What differs is only how: guest memory is reached through the buffer protocol's pointer (taken
after every guest call, released at once, never used across a guest call; the input write of
the next call reuses it, since no guest code runs in between), bytes go straight between that
pointer and the str/bytes objects (no intermediate bytes), and a whole call -- place the input,
fn(ptr, len), both getters, bounds checks, read -- is one C-level method. The packed-return
call (place the input, fn(ptr, len) -> i64, unpack, bounds checks, read, free the result) is
one C-level method too: the fastest path, one guest call and the free.
"""
from cpython.buffer cimport PyBUF_SIMPLE, PyBUF_WRITABLE, PyBuffer_Release, PyObject_GetBuffer
from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize, PyBytes_GET_SIZE
from cpython.dict cimport PyDict_GetItem
from cpython.object cimport PyObject
from cpython.pythread cimport (
    NOWAIT_LOCK, WAIT_LOCK, PyThread_acquire_lock, PyThread_allocate_lock, PyThread_free_lock,
    PyThread_get_thread_ident, PyThread_release_lock, PyThread_type_lock,
)
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.stdint cimport uint64_t
from libc.string cimport memcpy

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

U32_MASK = 0xFFFFFFFF
U64_MASK = 0xFFFFFFFFFFFFFFFF
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


cdef inline uint64_t _u32(object value) except? <uint64_t>-1:
    # masks like `value & 0xFFFFFFFF` for any int, negative or huge; TypeError for non-ints
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
    # ptr and length are < 2**32 here (or come from Python ints checked by the caller), so the
    # uint64 sum cannot wrap: a guest length that wraps u32 is caught as past the end
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


cdef int _write(object memory, str module, object export, str what, uint64_t ptr,
                const char* data, Py_ssize_t length) except -1:
    cdef Py_buffer view
    PyObject_GetBuffer(memory, &view, PyBUF_WRITABLE)
    try:
        _check_range(module, export, what, ptr, <uint64_t>length, <uint64_t>view.len)
        memcpy(<char*>view.buf + ptr, data, length)
    finally:
        PyBuffer_Release(&view)
    return 0


cdef object _read_at(const char* base, uint64_t size, str module, object export, str what,
                     object ptr_value, object length_value, bint as_text):
    # base/size describe the memory as it is now (taken after the last guest call)
    cdef uint64_t ptr = _u32(ptr_value)
    cdef uint64_t length = _u32(length_value)
    cdef const char* start
    _check_range(module, export, what, ptr, length, size)
    start = base + ptr
    if not as_text:
        return PyBytes_FromStringAndSize(start, <Py_ssize_t>length)
    try:
        return PyUnicode_DecodeUTF8(start, <Py_ssize_t>length, NULL)
    except UnicodeDecodeError as exc:
        raise WasmDecodeError(
            f"module {module!r}, export {export!r}: {what} is not valid UTF-8 "
            f"({length} bytes at ptr={ptr}): {exc.reason} at byte {exc.start}"
        ) from None


cdef object _read(object memory, str module, object export, str what, object ptr_value,
                  object length_value, bint as_text):
    cdef Py_buffer view
    PyObject_GetBuffer(memory, &view, PyBUF_SIMPLE)
    try:
        return _read_at(<const char*>view.buf, <uint64_t>view.len, module, export, what,
                        ptr_value, length_value, as_text)
    finally:
        PyBuffer_Release(&view)


def unpack(packed):
    """A packed result (`ptr << 32 | len`, an i64 that arrives signed) as (ptr, len)."""
    cdef uint64_t value = PyLong_AsUnsignedLongLongMask(packed)
    return value >> 32, value & _U32_MASK


def decode(module, export, what, data, ptr):
    """`data` (read at `ptr`) as UTF-8 text; WasmDecodeError naming the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise WasmDecodeError(
            f"module {module!r}, export {export!r}: {what} is not valid UTF-8 "
            f"({len(data)} bytes at ptr={ptr}): {exc.reason} at byte {exc.start}"
        ) from None


def write_bytes(memory, module, export, what, ptr, data):
    """Copy `data` into guest memory at `ptr` (masked to u32; bounds-checked against the
    current size)."""
    cdef Py_buffer src
    PyObject_GetBuffer(data, &src, PyBUF_SIMPLE)
    try:
        _write(memory, module, export, what, _u32(ptr), <const char*>src.buf, src.len)
    finally:
        PyBuffer_Release(&src)


def read_bytes(memory, module, export, what, ptr, length, as_text):
    """Return the guest's `length` bytes at `ptr` as bytes, or as str when `as_text`."""
    return _read(memory, module, export, what, ptr, length, as_text)


cdef class Session:
    """One instantiated guest's side of the protocol: its exports, buffers, handlers and lock.
    See golo_fast._memproto_py.Session."""

    cdef readonly str module
    cdef object _explain
    cdef object _trap_types
    cdef object _map_trap
    cdef PyThread_type_lock _lock
    cdef bint _bound
    cdef unsigned long _thread
    cdef unsigned long _owner
    cdef bint _owned
    cdef object _current
    cdef object _pending
    cdef bint _closed
    cdef dict _handlers
    cdef object _memory
    cdef dict _protocol
    cdef dict _packed
    cdef bint _free_takes_size
    cdef dict _host_functions
    cdef dict _numeric
    cdef object _malloc
    cdef object _free
    cdef object _get_result_ptr
    cdef object _get_result_len
    cdef uint64_t _in_ptr
    cdef uint64_t _in_cap
    cdef uint64_t _in_len
    cdef uint64_t _reply_buf
    cdef uint64_t _reply_cap
    cdef uint64_t _reply_ptr
    cdef uint64_t _reply_len
    # The memory's base and size as read after the last guest call, valid while `_fresh`:
    # no guest code has run since (every guest call clears it first), so nothing can have
    # grown or moved the memory. This saves the input write a second buffer request per call
    # (wasmer's costs ~500 instructions); the read after the guest calls always takes a new one.
    cdef char* _base
    cdef uint64_t _size
    cdef bint _fresh
    # The export of the last protocol call: a script calls the same export again and again,
    # and an identity check is cheaper than a dict lookup. `_protocol` never changes after
    # attach, so the pair stays right.
    cdef object _last_name
    cdef object _last_fn
    cdef bint _last_packed      # the last export is a packed-return one
    cdef object _in_ptr_value   # _in_ptr as a Python int

    def __cinit__(self):
        self._lock = PyThread_allocate_lock()
        if self._lock == NULL:
            raise MemoryError("cannot allocate a lock")

    def __dealloc__(self):
        if self._lock != NULL:
            PyThread_free_lock(self._lock)

    def __init__(self, str module, explain, thread=None):
        self.module = module
        self._explain = explain
        self._bound = thread is not None
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
        """Give the session the instance's memory and export functions (each looked up once)."""
        self._packed = dict(packed or {})
        self._free_takes_size = bool(free_takes_size)
        self._trap_types = trap_types
        self._map_trap = map_trap
        self._memory = memory
        self._protocol = protocol
        self._numeric = numeric
        self._malloc = malloc
        self._free = free
        self._get_result_ptr = get_result_ptr
        self._get_result_len = get_result_len

    # -- the calls ---------------------------------------------------------------------------

    def call_string(self, name, text):
        """Call export `name` with `text` (UTF-8) through the protocol; return its result text."""
        cdef Py_ssize_t length
        cdef const char* data
        if not isinstance(text, str):
            raise TypeError(f"call_string() needs str input, not {type(text).__name__}")
        # UTF-8 straight from the str (cached in it), no bytes object
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
        self._enter("call", name)
        try:
            fn = self._numeric.get(name)
            if fn is None:
                raise self._explain("call", name)
            self._fresh = False
            try:
                result = fn(*args)
            except BaseException as exc:
                self._guest_failed(name, exc)
            self._raise_pending()
            return result
        finally:
            self._leave()

    cdef object _roundtrip(self, str api, object name, const char* data, Py_ssize_t length,
                           bint as_text):
        cdef PyObject* found
        cdef object fn
        self._enter(api, name)
        try:
            if name is self._last_name:
                fn = self._last_fn
                if self._last_packed:
                    return self._packed_call(name, fn, data, length, as_text)
            else:
                found = PyDict_GetItem(self._protocol, name)
                if found == NULL:
                    found = PyDict_GetItem(self._packed, name)
                    if found != NULL:
                        fn = <object>found
                        self._last_name = name
                        self._last_fn = fn
                        self._last_packed = True
                        return self._packed_call(name, fn, data, length, as_text)
                if found == NULL or self._get_result_ptr is None or self._get_result_len is None:
                    raise self._explain(api, name)
                fn = <object>found
                self._last_name = name
                self._last_fn = fn
                self._last_packed = False
            try:
                ptr = self._place_input(name, data, length)
                self._fresh = False
                fn(ptr, length)
                result_ptr = self._get_result_ptr()
                result_len = self._get_result_len()
            except BaseException as exc:
                self._guest_failed(name, exc)
            if self._pending is not None:
                self._raise_pending()
            self._refresh()
            return _read_at(self._base, self._size, self.module, name, "result", result_ptr,
                            result_len, as_text)
        finally:
            self._leave()

    cdef object _packed_call(self, object name, object fn, const char* data, Py_ssize_t length,
                             bint as_text):
        """One packed-return call: input, fn(ptr, len) -> i64, read, free the result."""
        cdef uint64_t packed, result_ptr, result_len
        cdef const char* start
        ptr = self._place_input(name, data, length)
        self._fresh = False
        try:
            value = fn(ptr, length)
        except BaseException as exc:
            self._guest_failed(name, exc)
        packed = PyLong_AsUnsignedLongLongMask(value)
        result_ptr = packed >> 32
        result_len = packed & _U32_MASK
        if self._pending is not None:
            # a host import failed: give the block back (if it is one), then raise that
            try:
                self._refresh()
                if result_ptr + result_len <= self._size:
                    self._free_block(name, result_ptr, result_len)
            finally:
                self._raise_pending()
        self._refresh()
        _check_range(self.module, name, "result", result_ptr, result_len, self._size)
        start = self._base + result_ptr
        error = None
        if not as_text:
            result = PyBytes_FromStringAndSize(start, <Py_ssize_t>result_len)
        else:
            try:
                result = PyUnicode_DecodeUTF8(start, <Py_ssize_t>result_len, NULL)
            except UnicodeDecodeError as exc:
                error = WasmDecodeError(
                    f"module {self.module!r}, export {name!r}: result is not valid UTF-8 "
                    f"({result_len} bytes at ptr={result_ptr}): {exc.reason} at byte {exc.start}"
                )
        self._free_block(name, result_ptr, result_len)
        if self._pending is not None:
            self._raise_pending()
        if error is not None:
            raise error
        return result

    cdef int _free_block(self, object export, uint64_t ptr, uint64_t size) except -1:
        """Give a block back to the guest's allocator: free(ptr) or deallocate(ptr, size)."""
        if ptr == 0:
            return 0
        self._fresh = False
        try:
            if self._free_takes_size:
                self._free(ptr, size)
            else:
                self._free(ptr)
        except BaseException as exc:
            self._guest_failed(export, exc)
        return 0

    cdef object _place_input(self, object export, const char* data, Py_ssize_t length):
        """Write the input; return its pointer as the int the guest call takes (kept, so a
        call does not build a new one)."""
        cdef uint64_t ptr
        if self._malloc is None:
            ptr = _FIXED_INPUT_OFFSET
            ptr_value = FIXED_INPUT_OFFSET
        else:
            if <uint64_t>length > self._in_cap or self._in_ptr == 0:
                old = self._in_ptr
                old_cap = self._in_cap
                self._in_ptr = 0
                self._in_cap = 0
                self._in_ptr_value = None
                self._in_ptr, self._in_cap = self._allocate(export, old, old_cap, length,
                                                            "input buffer")
                self._in_ptr_value = self._in_ptr
            ptr = self._in_ptr
            ptr_value = self._in_ptr_value
        self._in_len = length
        if not self._fresh:
            self._refresh()
        _check_range(self.module, export, "input", ptr, <uint64_t>length, self._size)
        memcpy(self._base + ptr, data, length)
        return ptr_value

    cdef int _refresh(self) except -1:
        """Read the memory's current base and size (the buffer is taken and released)."""
        cdef Py_buffer view
        PyObject_GetBuffer(self._memory, &view, PyBUF_WRITABLE)
        self._base = <char*>view.buf
        self._size = <uint64_t>view.len
        PyBuffer_Release(&view)
        self._fresh = True
        return 0

    cdef tuple _allocate(self, object export, uint64_t old, uint64_t old_cap, uint64_t length,
                         str what):
        """Free `old` (a block of `old_cap` bytes) if set, then allocate a buffer for `length`
        bytes; return (ptr, capacity)."""
        cdef Py_buffer view
        cdef uint64_t capacity, ptr
        if old:
            self._free_block(export, old, old_cap)
        capacity = _capacity_for(length)
        ptr = _u32(self._guest(export, self._malloc, (capacity,)))
        if ptr == 0:
            raise WasmMemoryError(
                f"module {self.module!r}, export {export!r}: malloc({capacity}) for the {what} "
                f"returned 0"
            )
        PyObject_GetBuffer(self._memory, &view, PyBUF_SIMPLE)
        try:
            _check_range(self.module, export, what, ptr, capacity, <uint64_t>view.len)
        finally:
            PyBuffer_Release(&view)
        return ptr, capacity

    cdef object _guest(self, object export, object fn, tuple args):
        """Call into the guest; turn a trap, or the error a host import remembered, into ours."""
        self._fresh = False
        try:
            return fn(*args)
        except BaseException as exc:
            self._guest_failed(export, exc)

    cdef int _guest_failed(self, object export, BaseException exc) except -1:
        pending = self._pending
        if pending is not None:
            self._pending = None
            raise pending
        if isinstance(exc, self._trap_types):
            raise self._map_trap(exc, export) from exc
        raise exc

    cdef int _raise_pending(self) except -1:
        """After a guest call that returned: raise what a host import remembered, if anything."""
        pending = self._pending
        if pending is not None:
            self._pending = None
            raise pending
        return 0

    # -- lock, re-entrancy, close -------------------------------------------------------------

    cdef int _enter(self, str api, object name) except -1:
        cdef unsigned long me = PyThread_get_thread_ident()
        if self._owned and self._owner == me:
            raise WasmReentrancyError(
                f"module {self.module!r}: {api}({name!r}) called while export "
                f"{self._current!r} is running on the same thread (a handler called back into "
                f"its own runner); runners are not re-entrant"
            )
        if self._bound:
            # no lock needed: only the owner thread gets past this, one call at a time
            if self._closed:
                raise RunnerClosedError(
                    f"module {self.module!r}: {api}({name!r}) on a closed runner")
            if self._thread != me:
                raise WasmThreadError(self._foreign(f"{api}({name!r})", me))
        else:
            self._acquire()
            if self._closed:
                PyThread_release_lock(self._lock)
                raise RunnerClosedError(
                    f"module {self.module!r}: {api}({name!r}) on a closed runner")
        self._owner = me
        self._owned = True
        self._current = name
        return 0

    cdef str _foreign(self, str what, unsigned long me):
        return (f"module {self.module!r}: {what} from thread {me}, but this runner belongs to "
                f"thread {self._thread}, which loaded it (the engine's objects cannot leave "
                f"it); load with threads=True to share a runner")

    cdef inline void _acquire(self):
        # uncontended: no GIL round trip; contended: wait without the GIL so the holder can run
        if not PyThread_acquire_lock(self._lock, NOWAIT_LOCK):
            with nogil:
                PyThread_acquire_lock(self._lock, WAIT_LOCK)

    cdef inline void _leave(self):
        self._pending = None
        self._current = None
        self._owned = False
        if not self._bound:
            PyThread_release_lock(self._lock)

    def close(self):
        """Refuse every later call and drop the instance's objects; closing twice is fine."""
        cdef unsigned long me = PyThread_get_thread_ident()
        if self._owned and self._owner == me:
            raise WasmReentrancyError(
                f"module {self.module!r}: close() called while export {self._current!r} is "
                f"running on the same thread (a handler called back into its own runner); "
                f"runners are not re-entrant"
            )
        if self._bound:
            # another thread cannot wait for the owner's call to end (there is no lock)
            if self._thread != me and not self._closed:
                raise WasmThreadError(self._foreign("close()", me))
        else:
            self._acquire()
        try:
            self._closed = True
            self._fresh = False
            self._last_name = self._last_fn = None
            self._map_trap = None
            self._memory = None
            self._protocol = {}
            self._packed = {}
            self._numeric = {}
            self._malloc = self._free = None
            self._get_result_ptr = self._get_result_len = None
            self._handlers = {}
            self._host_functions = {}
        finally:
            if not self._bound:
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

    cdef object _call_host_function(self, tuple key, object ptr, object length):
        export = self._current
        qualified = f"{key[0]}.{key[1]}"
        try:
            message = _read(self._memory, self.module, export, f"message to {qualified}", ptr,
                            length, True)
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
            name = _read(self._memory, self.module, self._current, "handler name", name_ptr,
                         name_len, True)
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
            message = _read(self._memory, self.module, export, "handler message", ptr, length,
                            True)
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
                old = self._reply_buf
                old_cap = self._reply_cap
                self._reply_buf = 0
                self._reply_cap = 0
                self._reply_buf, self._reply_cap = self._allocate(export, old, old_cap, length,
                                                                  "handler reply buffer")
            ptr = self._reply_buf
        _write(self._memory, self.module, export, "handler reply", ptr, PyBytes_AS_STRING(data),
               <Py_ssize_t>length)
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
