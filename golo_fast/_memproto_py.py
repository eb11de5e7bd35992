"""The string protocol between a Python host and a wasm guest: the pure-Python twin, and the spec.

`_memproto.pyx` (built as `golo_fast._memproto`) mirrors this module name for name, argument
for argument, error for error and message for message; `golo_fast._accel` picks one of the two.
Nothing here knows which wasm engine runs the guest: a guest function is any callable that takes
and returns Python ints, and the guest's linear memory is any object supporting the buffer
protocol whose buffer reflects the memory *as it is now* (wasmer's `Memory.buffer`).

One call (`Session.call_string` / `Session.call_bytes`), the seed article's protocol:

1. Place the input. When the guest exports `malloc` and `free`, the input goes into a buffer
   obtained from `malloc`, kept across calls and replaced (`free` old, `malloc` bigger) only
   when a larger input comes, so the host never writes where the guest's allocator lives.
   Otherwise it goes at the article's fixed offset 1024 (`FIXED_INPUT_OFFSET`).
2. `fn(ptr, len)`.
3. `getResultPtr()`, `getResultLen()`. Guests return i32 results as *signed* ints: both are
   masked to u32 before use.
4. Check `ptr + len <= memory size`, computed without wrapping (a length that would wrap
   u32 past the end is caught), then copy the bytes out (and decode UTF-8 for strings).

The packed-return protocol (exports `(i32, i32) -> i64`, issue 6), one guest call instead of
three; which exports follow which protocol is decided at load (golo_fast/wasm/_protocol.py):

1. Place the input as above (the allocator is `malloc`/`free` or `allocate`/`deallocate`).
2. `packed = fn(ptr, len)`, an i64 that arrives *signed*: masked to u64 first, then
   `result_ptr = packed >> 32`, `result_len = packed & 0xFFFFFFFF`.
3. Check both halves against the memory size as in 4. above; copy the bytes out.
4. The host owns the result block: it frees it with `free(result_ptr)` or
   `deallocate(result_ptr, result_len)` once the bytes are copied (not when result_ptr is 0,
   the empty result; not when the numbers fail the bounds check, since they are not a block
   the host could trust; a result that is not UTF-8 is freed, then WasmDecodeError raised).
   If a host import failed during the call, the result is freed (when in bounds) and that
   failure raised.

The allocator's `free` takes the pointer; `deallocate` also takes the size: the capacity for
the host's own input/reply buffers, the result length for packed results.

Memory can grow during any guest call, which changes its size (and could move its base), so
the buffer is taken after each guest call and released before the next: never held across one.

Host handlers (the guest calls the host). The runner binds these guest imports to a session:

- `env.hostCallStringHandler(ptr, len) -> i32` calls the handler named "default".
- `env.hostCallNamedHandler(namePtr, nameLen, ptr, len) -> i32` calls the handler whose name
  is the UTF-8 string at (namePtr, nameLen).
- `env.hostGetResultPtr() -> i32`, `env.hostGetResultLen() -> i32` give where the last reply is.

The host reads the guest's message (bounds-checked, UTF-8), calls the handler, and places the
reply by the same policy as the input, in a *separate* buffer (the guest may still be reading
its input): a second malloc'd buffer, or without an allocator right after the live input
(1024 + input length rounded up to 8). Both calls return 0 on success. On failure they return
a nonzero code and no reply (`hostGetResultLen()` is 0), so the guest unwinds by its own code
(freeing what it holds) instead of being killed mid-way by a trap; the host remembers the
first failure and, once the guest call is over (returned or trapped), raises it instead of
any result: `HandlerError` chained to the handler's own exception, or the `WasmMemoryError` /
`WasmDecodeError` / `WasmTrap` the guest's numbers caused. The codes:

    1 HANDLER_FAILED   the handler raised, or returned something other than str/bytes
    2 NO_HANDLER       no handler is registered under that name
    3 BAD_MESSAGE      the name or message lies outside memory or is not UTF-8
    4 REPLY_FAILED     the reply could not be placed (malloc failed/trapped, no room)

String host imports (issue 6): any other guest import `(ptr, len) -> ()` or `(ptr, len) -> i32`
is bound at instantiation to a trampoline (`host_import(namespace, name)`) that looks the
Python function up when the guest calls it, so `register_host_function` works after load. The
function gets the UTF-8 message as str; for an import with an i32 result it returns an int (None
counts as 0). A failure -- nothing registered, the function raised or returned a non-int, the
message outside memory or not UTF-8 -- gives the guest the handler codes below (HANDLER_FAILED,
NO_HANDLER, BAD_MESSAGE; nothing for a no-result import) and is raised once the guest call is
over, like a handler's: HandlerError naming the import, or WasmMemoryError / WasmDecodeError.

Re-entrancy: a session is not re-entrant. A handler that calls back into its own runner (any
call, or close) gets `WasmReentrancyError` at once — which, raised inside a handler, surfaces
as the outer call's `HandlerError`.

Threads: a session built with `thread=` (engines whose objects cannot leave the thread that
made them, like wasmer) refuses calls and close() from any other thread with
`WasmThreadError` instead of letting the engine fail; only its own thread can enter, one call
at a time, so it takes no lock. A session without `thread=` serializes threads with a lock.
(`golo_fast.wasm` shares a wasmer runner between threads by giving it a thread of its own.)
"""
from __future__ import annotations

import threading

from golo_fast.errors import (
    HandlerError,
    RunnerClosedError,
    WasmDecodeError,
    WasmMemoryError,
    WasmReentrancyError,
    WasmThreadError,
)

U32_MASK = 0xFFFFFFFF
U64_MASK = 0xFFFFFFFFFFFFFFFF
# The article's "safe arbitrary address" for guests that export no allocator.
FIXED_INPUT_OFFSET = 1024
# Smallest malloc'd buffer: most calls carry short strings, so one allocation serves them all.
MIN_CAPACITY = 64
# Replies placed after the input (no allocator) start on an 8-byte boundary.
REPLY_ALIGN = 8
# What env.hostCallStringHandler / env.hostCallNamedHandler return to the guest.
HANDLER_OK = 0
HANDLER_FAILED = 1
NO_HANDLER = 2
BAD_MESSAGE = 3
REPLY_FAILED = 4


def u32(value: int) -> int:
    """A guest's i32/i64 result (signed in Python) read as an unsigned 32-bit number."""
    return value & U32_MASK


def capacity_for(length: int) -> int:
    """The size of the malloc'd buffer that holds `length` bytes: a power of two, >= MIN_CAPACITY."""
    capacity = MIN_CAPACITY
    while capacity < length:
        capacity *= 2
    return capacity


def check_range(module: str, export: str, what: str, ptr: int, length: int, size: int) -> None:
    """Raise WasmMemoryError unless [ptr, ptr + length) lies inside a memory of `size` bytes.

    `ptr` and `length` are already unsigned; the sum is a Python int, so it cannot wrap.
    """
    if ptr + length > size:
        raise WasmMemoryError(
            f"module {module!r}, export {export!r}: {what} ptr={ptr} len={length} ends at "
            f"{ptr + length}, past the end of guest memory ({size} bytes)"
        )


def write_bytes(memory, module: str, export: str, what: str, ptr: int, data: bytes) -> None:
    """Copy `data` into guest memory at `ptr` (masked to u32; bounds-checked against the
    current size)."""
    ptr = u32(ptr)
    with memoryview(memory) as view:
        check_range(module, export, what, ptr, len(data), view.nbytes)
        view[ptr : ptr + len(data)] = data


def read_bytes(memory, module: str, export: str, what: str, ptr: int, length: int, as_text: bool):
    """Return the guest's `length` bytes at `ptr` as bytes, or as str when `as_text`.

    `ptr` and `length` are what the guest returned, possibly negative: masked to u32 first.
    Invalid UTF-8 raises WasmDecodeError naming the first bad byte.
    """
    ptr = u32(ptr)
    length = u32(length)
    with memoryview(memory) as view:
        check_range(module, export, what, ptr, length, view.nbytes)
        data = bytes(view[ptr : ptr + length])
    if not as_text:
        return data
    return decode(module, export, what, data, ptr)


def unpack(packed: int) -> tuple[int, int]:
    """A packed result (`ptr << 32 | len`, an i64 that arrives signed) as (ptr, len)."""
    packed &= U64_MASK
    return packed >> 32, packed & U32_MASK


def decode(module: str, export: str, what: str, data: bytes, ptr: int) -> str:
    """`data` (read at `ptr`) as UTF-8 text; WasmDecodeError naming the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise WasmDecodeError(
            f"module {module!r}, export {export!r}: {what} is not valid UTF-8 "
            f"({len(data)} bytes at ptr={ptr}): {exc.reason} at byte {exc.start}"
        ) from None


class Session:
    """One instantiated guest's side of the protocol: its exports, buffers, handlers and lock.

    Built by the runner in two steps because host imports must exist before the instance does:
    `Session(...)` first (its `host_*` methods become the guest's imports), then `attach(...)`
    with the instance's functions and memory.

    `explain(api, name)` returns the WasmExportError for a name that cannot be called through
    `api` ("call_string", "call_bytes" or "call"). `thread`: the ident of the only thread that
    may call (None: any thread).
    """

    def __init__(self, module: str, explain, thread=None):
        self.module = module
        self._explain = explain
        self._thread = thread
        self._trap_types = ()
        self._map_trap = None
        self._lock = threading.Lock()
        self._owner = None          # thread ident holding the lock during a call
        self._current = None        # export being called, for messages
        self._pending = None        # error a host import hit, raised when the guest unwinds
        self._closed = False
        self._handlers = {}
        self._memory = None
        self._protocol = {}         # name -> guest function taking (ptr, len), 3-function
        self._packed = {}           # name -> guest function (ptr, len) -> i64, packed return
        self._free_takes_size = False   # deallocate(ptr, size) rather than free(ptr)
        self._host_functions = {}   # (namespace, name) -> fn for string host imports
        self._numeric = {}          # name -> any guest function
        self._malloc = None
        self._free = None
        self._get_result_ptr = None
        self._get_result_len = None
        self._in_ptr = 0
        self._in_cap = 0
        self._in_len = 0
        self._reply_buf = 0
        self._reply_cap = 0
        self._reply_ptr = 0
        self._reply_len = 0

    def attach(self, memory, protocol: dict, numeric: dict, malloc, free,
               get_result_ptr, get_result_len, trap_types: tuple, map_trap,
               packed=None, free_takes_size: bool = False) -> None:
        """Give the session the instance's memory and export functions (each looked up once).

        `protocol` holds the exports callable as fn(ptr, len) (3-function), `packed` those
        returning a packed i64; the getters are None when the guest lacks them (or they have
        the wrong signature), and so are malloc/free (the allocator pair: `free` is
        `deallocate(ptr, size)` when `free_takes_size`). `trap_types` are the exceptions the
        engine raises when a guest traps; `map_trap(exc, export)` turns one into a golo error.
        """
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

    def call_string(self, name: str, text: str) -> str:
        """Call export `name` with `text` (UTF-8) through the protocol; return its result text."""
        if not isinstance(text, str):
            raise TypeError(f"call_string() needs str input, not {type(text).__name__}")
        return self._roundtrip("call_string", name, text.encode("utf-8"), True)

    def call_bytes(self, name: str, data) -> bytes:
        """Call export `name` with raw bytes (any bytes-like object) through the protocol;
        return its result bytes."""
        if isinstance(data, str) or not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"call_bytes() needs bytes-like input, not {type(data).__name__}")
        return self._roundtrip("call_bytes", name, bytes(data), False)

    def call(self, name: str, args: tuple):
        """Call any export with plain numbers; return what the engine returns."""
        self._enter("call", name)
        try:
            fn = self._numeric.get(name)
            if fn is None:
                raise self._explain("call", name)
            result = self._guest(name, fn, *args)
            self._raise_pending()
            return result
        finally:
            self._leave()

    def _roundtrip(self, api: str, name: str, data: bytes, as_text: bool):
        self._enter(api, name)
        try:
            fn = self._protocol.get(name)
            if fn is None and name in self._packed:
                return self._packed_call(name, self._packed[name], data, as_text)
            if fn is None or self._get_result_ptr is None or self._get_result_len is None:
                raise self._explain(api, name)
            ptr = self._place_input(name, data)
            self._guest(name, fn, ptr, len(data))
            result_ptr = self._guest(name, self._get_result_ptr)
            result_len = self._guest(name, self._get_result_len)
            self._raise_pending()
            return read_bytes(self._memory, self.module, name, "result", result_ptr, result_len,
                              as_text)
        finally:
            self._leave()

    def _packed_call(self, name: str, fn, data: bytes, as_text: bool):
        """One packed-return call: input, fn(ptr, len) -> i64, read, free the result."""
        ptr = self._place_input(name, data)
        result_ptr, result_len = unpack(self._guest(name, fn, ptr, len(data)))
        if self._pending is not None:
            # a host import failed: give the block back (if it is one), then raise that
            try:
                with memoryview(self._memory) as view:
                    inside = result_ptr + result_len <= view.nbytes
                if inside:
                    self._free_block(name, result_ptr, result_len)
            finally:
                self._raise_pending()
        result = read_bytes(self._memory, self.module, name, "result", result_ptr, result_len,
                            False)
        self._free_block(name, result_ptr, result_len)
        self._raise_pending()
        return decode(self.module, name, "result", result, result_ptr) if as_text else result

    def _free_block(self, export: str, ptr: int, size: int) -> None:
        """Give a block back to the guest's allocator: free(ptr) or deallocate(ptr, size)."""
        if ptr == 0:
            return
        if self._free_takes_size:
            self._guest(export, self._free, ptr, size)
        else:
            self._guest(export, self._free, ptr)

    def _place_input(self, export: str, data: bytes) -> int:
        if self._malloc is None:
            ptr = FIXED_INPUT_OFFSET
        else:
            if len(data) > self._in_cap or self._in_ptr == 0:
                old, old_cap, self._in_ptr, self._in_cap = self._in_ptr, self._in_cap, 0, 0
                self._in_ptr, self._in_cap = self._allocate(export, old, old_cap, len(data),
                                                            "input buffer")
            ptr = self._in_ptr
        self._in_len = len(data)
        write_bytes(self._memory, self.module, export, "input", ptr, data)
        return ptr

    def _allocate(self, export: str, old: int, old_cap: int, length: int, what: str):
        """Free `old` (a block of `old_cap` bytes) if set, then allocate a buffer for `length`
        bytes; return (ptr, capacity)."""
        if old:
            self._free_block(export, old, old_cap)
        capacity = capacity_for(length)
        ptr = u32(self._guest(export, self._malloc, capacity))
        if ptr == 0:
            raise WasmMemoryError(
                f"module {self.module!r}, export {export!r}: malloc({capacity}) for the {what} "
                f"returned 0"
            )
        with memoryview(self._memory) as view:
            check_range(self.module, export, what, ptr, capacity, view.nbytes)
        return ptr, capacity

    def _guest(self, export: str, fn, *args):
        """Call into the guest; turn a trap, or the error a host import remembered, into ours."""
        try:
            return fn(*args)
        except BaseException as exc:
            pending = self._pending
            if pending is not None:
                self._pending = None
                raise pending
            if isinstance(exc, self._trap_types):
                raise self._map_trap(exc, export) from exc
            raise

    def _raise_pending(self) -> None:
        """After a guest call that returned: raise what a host import remembered, if anything."""
        pending = self._pending
        if pending is not None:
            self._pending = None
            raise pending

    # -- lock, re-entrancy, close -------------------------------------------------------------

    def _enter(self, api: str, name: str) -> None:
        me = threading.get_ident()
        if self._owner == me:
            raise WasmReentrancyError(
                f"module {self.module!r}: {api}({name!r}) called while export "
                f"{self._current!r} is running on the same thread (a handler called back into "
                f"its own runner); runners are not re-entrant"
            )
        if self._thread is not None:
            # no lock needed: only the owner thread gets past this, one call at a time
            if self._closed:
                raise RunnerClosedError(
                    f"module {self.module!r}: {api}({name!r}) on a closed runner")
            if self._thread != me:
                raise WasmThreadError(self._foreign(f"{api}({name!r})", me))
        else:
            self._lock.acquire()
            if self._closed:
                self._lock.release()
                raise RunnerClosedError(
                    f"module {self.module!r}: {api}({name!r}) on a closed runner")
        self._owner = me
        self._current = name

    def _foreign(self, what: str, me: int) -> str:
        return (f"module {self.module!r}: {what} from thread {me}, but this runner belongs to "
                f"thread {self._thread}, which loaded it (the engine's objects cannot leave "
                f"it); load with threads=True to share a runner")

    def _leave(self) -> None:
        self._pending = None
        self._current = None
        self._owner = None
        if self._thread is None:
            self._lock.release()

    def close(self) -> None:
        """Refuse every later call and drop the instance's objects; closing twice is fine."""
        me = threading.get_ident()
        if self._owner == me:
            raise WasmReentrancyError(
                f"module {self.module!r}: close() called while export {self._current!r} is "
                f"running on the same thread (a handler called back into its own runner); "
                f"runners are not re-entrant"
            )
        if self._thread is not None:
            # another thread cannot wait for the owner's call to end (there is no lock)
            if self._thread != me and not self._closed:
                raise WasmThreadError(self._foreign("close()", me))
        else:
            self._lock.acquire()
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
        finally:
            if self._thread is None:
                self._lock.release()

    @property
    def closed(self) -> bool:
        return self._closed

    # -- host handlers ------------------------------------------------------------------------

    def register_handler(self, name: str, fn) -> None:
        """Make `fn(str) -> str` answer the guest's calls for handler `name`."""
        if not callable(fn):
            raise TypeError(f"handler {name!r} must be callable, not {type(fn).__name__}")
        if self._closed:
            raise RunnerClosedError(
                f"module {self.module!r}: register_string_handler({name!r}) on a closed runner")
        self._handlers[name] = fn

    def register_host_function(self, namespace: str, name: str, fn) -> None:
        """Make `fn(str)` answer the guest's string host import `namespace.name`."""
        if not callable(fn):
            raise TypeError(f"host function {namespace}.{name} must be callable, not "
                            f"{type(fn).__name__}")
        if self._closed:
            raise RunnerClosedError(
                f"module {self.module!r}: register_host_function({namespace!r}, {name!r}) on a "
                f"closed runner")
        self._host_functions[(namespace, name)] = fn

    def host_import(self, namespace: str, name: str):
        """The trampoline bound to the guest's import `namespace.name` (ptr, len) -> i32: it
        looks the registered function up at each call."""
        key = (namespace, name)

        def trampoline(ptr, length):
            return self._call_host_function(key, ptr, length)
        return trampoline

    def _call_host_function(self, key: tuple, ptr: int, length: int) -> int:
        export = self._current
        qualified = f"{key[0]}.{key[1]}"
        try:
            message = read_bytes(self._memory, self.module, export,
                                 f"message to {qualified}", ptr, length, True)
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

    def host_call_string(self, ptr: int, length: int) -> int:
        """env.hostCallStringHandler(ptr, len): the article's call, to the "default" handler."""
        return self._handle("default", ptr, length)

    def host_call_named(self, name_ptr: int, name_len: int, ptr: int, length: int) -> int:
        """env.hostCallNamedHandler(namePtr, nameLen, ptr, len): call the handler named there."""
        try:
            name = read_bytes(self._memory, self.module, self._current, "handler name", name_ptr,
                              name_len, True)
        except (WasmMemoryError, WasmDecodeError) as exc:
            return self._fail(BAD_MESSAGE, exc)
        return self._handle(name, ptr, length)

    def host_result_ptr(self) -> int:
        """env.hostGetResultPtr(): where the last handler reply starts."""
        return self._reply_ptr

    def host_result_len(self) -> int:
        """env.hostGetResultLen(): how many bytes the last handler reply has."""
        return self._reply_len

    def _handle(self, name: str, ptr: int, length: int) -> int:
        export = self._current
        try:
            message = read_bytes(self._memory, self.module, export, "handler message", ptr,
                                 length, True)
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

    def _place_reply(self, export: str, data: bytes) -> None:
        if self._malloc is None:
            ptr = FIXED_INPUT_OFFSET + -(-self._in_len // REPLY_ALIGN) * REPLY_ALIGN
        else:
            if len(data) > self._reply_cap or self._reply_buf == 0:
                old, old_cap = self._reply_buf, self._reply_cap
                self._reply_buf, self._reply_cap = 0, 0
                self._reply_buf, self._reply_cap = self._allocate(export, old, old_cap, len(data),
                                                                  "handler reply buffer")
            ptr = self._reply_buf
        write_bytes(self._memory, self.module, export, "handler reply", ptr, data)
        self._reply_ptr = ptr
        self._reply_len = len(data)

    def _fail(self, code: int, error: BaseException) -> int:
        """Remember the first failure of this guest call; give the guest `code` and no reply."""
        self._reply_ptr = self._reply_len = 0
        if self._pending is None:
            self._pending = error
        return code
