"""The wasm host functions of GoloScript (the seed article), over `golo_fast.wasm`.

`golo_fast.wasm` (and so wasmer) is imported on the first use of a wasm builtin only, so plain
scripts start fast.  Bridge errors are `errors.GoloError`s: a script catches them with their
message.  Guests write their WASI output straight to file descriptor 1, so Golo output still
buffered is flushed before each guest call to keep the two in program order.
"""
from __future__ import annotations

from golo_fast.errors import GoloError, InternalError
from golo_fast.runtime.classes import is_function, java_name
from golo_fast.runtime.console import flush_pending, pending
from golo_fast.runtime.exceptions import GoloException
from golo_fast.runtime.render import render
from golo_fast.runtime.values import Array, GoloMap, Tuple

_bridge = None


def bridge():
    """The `golo_fast.wasm` module, imported on first use."""
    global _bridge
    if _bridge is None:
        from golo_fast import wasm
        _bridge = wasm
    return _bridge


def _argument_error(message: str) -> GoloException:
    return GoloException("java.lang.IllegalArgumentException", message)


def _text(value, what: str) -> str:
    if type(value) is not str:
        raise _argument_error(f"{what} must be a String, not {java_name(value)}")
    return value


def _not_a_runner(value, builtin: str) -> GoloException:
    return _argument_error(f"{builtin}: the first argument must be a wasm runner "
                           f"(from wasmLoad), not {java_name(value)}")


def _runner(value, builtin: str):
    if value is None or not hasattr(value, "call_string"):
        raise _not_a_runner(value, builtin)
    return value


_OPTION_KEYS = ("args", "env", "dirs", "engine", "fuel", "timeout", "maxPages")
# option -> (wasm.load keyword, accepted types, what the message calls them)
_LOAD_OPTIONS = {
    "engine": ("engine", (str,), "a String"),
    "fuel": ("fuel", (int,), "a positive integer"),
    "timeout": ("timeout", (int, float), "a positive number of seconds"),
    "maxPages": ("max_pages", (int,), "a positive integer"),
}


def _load_options(options) -> dict:
    """The wasm.load keywords for the engine and limit options (wasmtime only: wasmer refuses
    the limits with WasmUnsupportedError, which a script can catch)."""
    chosen = {}
    for key, (keyword, kinds, described) in _LOAD_OPTIONS.items():
        value = options.get(key)
        if value is None:
            continue
        if (not isinstance(value, kinds) or isinstance(value, bool)
                or (kinds != (str,) and not value > 0)):
            raise _argument_error(f"wasmLoad: option {key} must be {described}, "
                                  f"not {render(value)}")
        chosen[keyword] = value
    return chosen


def _wasi_config(options):
    if not isinstance(options, GoloMap):
        raise _argument_error(f"wasmLoad: options must be a map, not {java_name(options)}")
    unknown = [k for k in options if k not in _OPTION_KEYS]
    if unknown:
        raise _argument_error(f"wasmLoad: unknown option {render(unknown[0])} "
                              f"(known: {', '.join(_OPTION_KEYS)})")
    args = options.get("args")
    env = options.get("env")
    dirs = options.get("dirs")
    if args is not None and not isinstance(args, (list, tuple)):
        raise _argument_error(f"wasmLoad: option args must be a list, not {java_name(args)}")
    for name, value in (("env", env), ("dirs", dirs)):
        if value is not None and not isinstance(value, GoloMap):
            raise _argument_error(f"wasmLoad: option {name} must be a map, "
                                  f"not {java_name(value)}")
    granted = {}
    if args is not None:
        granted["args"] = [render(a) for a in args]
    if env is not None:
        granted["env"] = {render(k): render(v) for k, v in env.items()}
    if dirs is not None:
        granted["dirs"] = {render(k): render(v) for k, v in dirs.items()}
    return bridge().WasiConfig(**granted)


# A call into the bridge may raise GoloErrors (a script's to catch), interrupts, recursion
# and memory exhaustion; any other exception is a golo-fast bug and becomes an InternalError
# (which a script cannot catch) instead of passing for a script's error.
_PASSING = (GoloError, RecursionError, MemoryError)


def _bridge_failure(builtin: str, exc: Exception) -> InternalError:
    return InternalError(f"{builtin}: the wasm bridge failed: {type(exc).__name__}: {exc}")


def wasmLoad(path, options=None):
    """Load a wasm module; `path` is relative to the current working directory."""
    path = _text(path, "wasmLoad: the path")
    chosen = {} if options is None else {"wasi": _wasi_config(options),
                                         **_load_options(options)}
    try:
        return bridge().load(path, **chosen)
    except _PASSING:
        raise
    except Exception as exc:
        raise _bridge_failure("wasmLoad", exc) from exc


def wasmHasFunction(runner, name):
    runner = _runner(runner, "wasmHasFunction")
    name = _text(name, "wasmHasFunction: name")
    try:
        return runner.has_function(name)
    except _PASSING:
        raise
    except Exception as exc:
        raise _bridge_failure("wasmHasFunction", exc) from exc


def wasmFunctions(runner):
    runner = _runner(runner, "wasmFunctions")
    try:
        return Tuple(runner.functions())
    except _PASSING:
        raise
    except Exception as exc:
        raise _bridge_failure("wasmFunctions", exc) from exc


def wasmCallString(runner, name, text):
    # The hot path of the article's scripts: checks inlined, one attribute lookup.
    try:
        call = runner.call_string
    except AttributeError:
        raise _not_a_runner(runner, "wasmCallString") from None
    if type(name) is not str:
        _text(name, "wasmCallString: the function name")
    if pending.output:
        flush_pending()
    try:
        return call(name, text if type(text) is str else render(text))
    except _PASSING:
        raise
    except Exception as exc:
        raise _bridge_failure("wasmCallString", exc) from exc


def _to_bytes(value) -> bytes:
    if type(value) is str:
        return value.encode("utf-8")
    if isinstance(value, (list, tuple)):
        try:
            return bytes(int(b) & 0xFF for b in value)
        except (TypeError, ValueError):
            pass
    raise _argument_error(f"wasmCallBytes: the input must be a String or a list of byte "
                          f"values, not {java_name(value)}")


def wasmCallBytes(runner, name, data):
    """Bytes in (a String as UTF-8, or integers 0..255), an array of integers out."""
    runner = _runner(runner, "wasmCallBytes")
    name = _text(name, "wasmCallBytes: the function name")
    payload = _to_bytes(data)
    flush_pending()
    try:
        return Array(runner.call_bytes(name, payload))
    except _PASSING:
        raise
    except Exception as exc:
        raise _bridge_failure("wasmCallBytes", exc) from exc


def wasmCall(runner, name, *numbers):
    """A plain numeric export: one result comes back as a number, several as a tuple."""
    runner = _runner(runner, "wasmCall")
    name = _text(name, "wasmCall: the function name")
    if len(numbers) == 1 and type(numbers[0]) is Array:
        numbers = tuple(numbers[0])
    for n in numbers:
        if type(n) is not int and type(n) is not float:
            raise _argument_error(f"wasmCall: arguments must be numbers, not {java_name(n)}")
    flush_pending()
    try:
        result = runner.call(name, *numbers)
    except _PASSING:
        raise
    except Exception as exc:
        raise _bridge_failure("wasmCall", exc) from exc
    if isinstance(result, (list, tuple)):
        return Tuple(result) if len(result) != 1 else result[0]
    return result


def _handler(closure):
    def handle(message: str) -> str:
        reply = closure(message)
        return reply if type(reply) is str else render(reply)
    return handle


def wasmRegisterStringHandler(runner, name_or_closure, closure=None):
    """`(runner, closure)` registers the `default` handler, `(runner, name, closure)` a named
    one."""
    runner = _runner(runner, "wasmRegisterStringHandler")
    if closure is None:
        name, closure = None, name_or_closure
    else:
        name = _text(name_or_closure, "wasmRegisterStringHandler: the handler name")
    if not is_function(closure):
        raise _argument_error(f"wasmRegisterStringHandler: the handler must be a function, "
                              f"not {java_name(closure)}")
    try:
        if name is None:
            runner.register_string_handler(_handler(closure))
        else:
            runner.register_string_handler(_handler(closure), name=name)
    except _PASSING:
        raise
    except Exception as exc:
        raise _bridge_failure("wasmRegisterStringHandler", exc) from exc


def wasmRegisterHostFunction(runner, namespace, name, closure):
    """Answer the guest's string host import `namespace.name` (ptr, len) -> () or -> i32 with
    `closure(message)`; for an i32 import the closure's integer (null: 0) goes back to the
    guest. Registering after wasmLoad works: imports find their closure when called."""
    runner = _runner(runner, "wasmRegisterHostFunction")
    namespace = _text(namespace, "wasmRegisterHostFunction: the import module")
    name = _text(name, "wasmRegisterHostFunction: the import name")
    if not is_function(closure):
        raise _argument_error(f"wasmRegisterHostFunction: the host function must be a "
                              f"function, not {java_name(closure)}")
    try:
        runner.register_host_function(namespace, name, closure)
    except _PASSING:
        raise
    except ValueError as exc:   # one of the article's env.host* imports
        raise _argument_error(f"wasmRegisterHostFunction: {exc} "
                              f"(wasmRegisterStringHandler)") from None
    except Exception as exc:
        raise _bridge_failure("wasmRegisterHostFunction", exc) from exc


def wasmClose(runner):
    runner = _runner(runner, "wasmClose")
    try:
        runner.close()
    except _PASSING:
        raise
    except Exception as exc:
        raise _bridge_failure("wasmClose", exc) from exc


WASM_BUILTINS = {
    "wasmLoad": wasmLoad,
    "wasmHasFunction": wasmHasFunction,
    "wasmFunctions": wasmFunctions,
    "wasmCallString": wasmCallString,
    "wasmCallBytes": wasmCallBytes,
    "wasmCall": wasmCall,
    "wasmRegisterStringHandler": wasmRegisterStringHandler,
    "wasmRegisterHostFunction": wasmRegisterHostFunction,
    "wasmClose": wasmClose,
}
