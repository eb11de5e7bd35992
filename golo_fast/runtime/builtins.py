"""Predefined functions (§18), implicitly imported in every module.

`PREDEFINED` maps each Golo name to its Python callable; the resolver reads its keys, and
`_rt.call(ctx, name, ...)` falls back to it after the module's own functions and its imports.
"""
from __future__ import annotations

import os
import time

from golo_fast.runtime import wasm_builtins as _wasm
from golo_fast.runtime.classes import is_function, java_name, oftype
from golo_fast.runtime.console import print_, println, readln, readPassword
from golo_fast.runtime.dynamic import DynamicObject
from golo_fast.runtime.exceptions import GoloException
from golo_fast.runtime.methods import parse_float, parse_int
from golo_fast.runtime.render import render
from golo_fast.runtime.values import (
    Array, Box, Char, GoloList, GoloSet, MapEntry, Range, Tuple, Vector, map_literal,
)


def str_(*values):
    return "".join([v if type(v) is str else render(v) for v in values])


def _assertion(message) -> GoloException:
    return GoloException("java.lang.AssertionError", message)


def require(condition, message):
    if condition is not True and condition is not False:
        raise GoloException("java.lang.IllegalArgumentException",
                            f"require: the condition must be a Boolean, not "
                            f"{java_name(condition)}")
    if type(message) is not str:
        raise GoloException("java.lang.IllegalArgumentException",
                            f"require: the message must be a String, not {java_name(message)}")
    if not condition:
        raise _assertion(message)


def requireNotNull(value):
    if value is None:
        raise _assertion("null reference encountered")
    return value


def requireType(value, klass):
    if value is not None and not oftype(value, klass):
        raise GoloException("java.lang.ClassCastException",
                            f"expected {klass}, got {java_name(value)}")
    return value


def raise_(message, cause=None):
    if type(message) is not str:
        raise GoloException("java.lang.IllegalArgumentException",
                            f"raise: the message must be a String, not {java_name(message)}")
    if cause is not None and not isinstance(cause, BaseException):
        raise GoloException("java.lang.IllegalArgumentException",
                            f"raise: the cause must be an exception, not {java_name(cause)}")
    raise GoloException("java.lang.RuntimeException", message, cause)


def range_(start, stop=None):
    return Range(start, stop)


def reversedRange(start, stop=None):
    if stop is None:
        start, stop = start, (Char("A") if type(start) is Char else 0)
    return Range(start, stop, -1)


def mapEntry(key, value):
    return MapEntry(key, value)


def box(value=None):
    return Box(value)


def list_(*values):
    return GoloList(values)


def vector(*values):
    return Vector(values)


def set_(*values):
    return GoloSet(values)


def tuple_(*values):
    return Tuple(values)


def array(*values):
    return Array(values)


def map_(*pairs):
    return map_literal(pairs)


def _to_int(value, name: str) -> int:
    t = type(value)
    if t is int or t is Char:
        return int(value)
    if t is float:
        if value != value:
            return 0
        if value in (float("inf"), float("-inf")):
            raise GoloException("java.lang.ArithmeticException",
                                f"{name}: cannot convert {render(value)} to an integer")
        return int(value)
    if t is str:
        return parse_int(value)
    raise GoloException("java.lang.ClassCastException",
                        f"{name}: cannot convert a {java_name(value)} to a number")


def intValue(value):
    return _to_int(value, "intValue")


def longValue(value):
    return _to_int(value, "longValue")


def bigIntegerValue(value):
    return _to_int(value, "bigIntegerValue")


def doubleValue(value):
    t = type(value)
    if t is int or t is float or t is Char:
        return float(value)
    if t is str:
        return parse_float(value)
    raise GoloException("java.lang.ClassCastException",
                        f"doubleValue: cannot convert a {java_name(value)} to a number")


def floatValue(value):
    return doubleValue(value)


def charValue(value):
    t = type(value)
    if t is Char:
        return value
    if t is int:
        return Char(value)
    if t is str and len(value) == 1:
        return Char(value)
    raise GoloException("java.lang.ClassCastException",
                        f"charValue: cannot convert a {java_name(value)} to a Character")


def isClosure(value):
    return is_function(value)


def isArray(value):
    return type(value) is Array


def removeByIndex(lst, index):
    if not isinstance(lst, list):
        raise GoloException("java.lang.ClassCastException",
                            f"removeByIndex: expected a list, got {java_name(lst)}")
    if type(index) is not int or not 0 <= index < len(lst):
        raise GoloException("java.lang.IndexOutOfBoundsException",
                            f"Index {render(index)} out of bounds for length {len(lst)}")
    return list.pop(lst, index)


def _io_error(exc: OSError, path) -> GoloException:
    reason = exc.strerror or str(exc)
    return GoloException("java.io.IOException", f"{render(path)}: {reason}")


def _encoding(enc) -> str:
    if enc is None:
        return "utf-8"
    name = str(enc)
    return {"UTF-8": "utf-8", "US-ASCII": "ascii", "ISO-8859-1": "latin-1"}.get(name, name)


def fileToText(path, encoding=None):
    try:
        with open(str(path), encoding=_encoding(encoding), newline="") as f:
            return f.read()
    except OSError as exc:
        raise _io_error(exc, path) from None
    except (UnicodeDecodeError, LookupError) as exc:
        raise GoloException("java.io.IOException", f"{render(path)}: {exc}") from None


def textToFile(text, path):
    try:
        with open(str(path), "w", encoding="utf-8", newline="") as f:
            f.write(render(text))
    except OSError as exc:
        raise _io_error(exc, path) from None


def fileExists(path):
    return os.path.exists(str(path))


def currentDir():
    return os.getcwd()


def sleep(ms):
    time.sleep(_to_int(ms, "sleep") / 1000.0)


def uuid():
    # Imported on use: the uuid module pulls in platform and subprocess (~10 ms at start-up).
    import uuid as uuid_module
    return str(uuid_module.uuid4())


def _exception_constructor(kind: str):
    def construct(message=None, cause=None):
        if isinstance(message, BaseException) and cause is None:
            # Java's Exception(Throwable cause): the message is the cause's toString.
            return GoloException(kind, render(message), message)
        if message is not None and type(message) is not str:
            message = render(message)
        return GoloException(kind, message, cause)
    construct.__name__ = construct.__qualname__ = kind.rsplit(".", 1)[-1]
    return construct


_EXCEPTION_KINDS = (
    "java.lang.RuntimeException", "java.lang.IllegalArgumentException",
    "java.lang.IllegalStateException", "java.lang.UnsupportedOperationException",
    "java.lang.Exception", "java.lang.AssertionError", "java.lang.ArithmeticException",
    "java.lang.IndexOutOfBoundsException", "java.lang.NullPointerException",
    "java.lang.ClassCastException", "java.lang.Error", "java.lang.Throwable",
    "java.util.NoSuchElementException", "java.lang.NumberFormatException",
)

PREDEFINED: dict = {
    "println": println,
    "print": print_,
    "readln": readln,
    "readPassword": readPassword,
    "str": str_,
    "require": require,
    "requireNotNull": requireNotNull,
    "requireType": requireType,
    "raise": raise_,
    "range": range_,
    "reversedRange": reversedRange,
    "mapEntry": mapEntry,
    "box": box,
    "list": list_,
    "vector": vector,
    "set": set_,
    "tuple": tuple_,
    "array": array,
    "map": map_,
    "intValue": intValue,
    "longValue": longValue,
    "doubleValue": doubleValue,
    "floatValue": floatValue,
    "charValue": charValue,
    "bigIntegerValue": bigIntegerValue,
    "isClosure": isClosure,
    "isArray": isArray,
    "removeByIndex": removeByIndex,
    "fileToText": fileToText,
    "textToFile": textToFile,
    "fileExists": fileExists,
    "currentDir": currentDir,
    "sleep": sleep,
    "uuid": uuid,
    "DynamicObject": DynamicObject,
    **{kind.rsplit(".", 1)[-1]: _exception_constructor(kind) for kind in _EXCEPTION_KINDS},
    # Fully qualified constructor names, as in `throw java.lang.IllegalStateException("x")`.
    **{kind: _exception_constructor(kind) for kind in _EXCEPTION_KINDS},
    **_wasm.WASM_BUILTINS,
}

# Python names its functions in arity errors ("println() takes 1 positional argument ...")
# after their qualified name: give each predefined function its Golo name.
for _name, _callable in PREDEFINED.items():
    if "." not in _name and not isinstance(_callable, type):
        _callable.__qualname__ = _name
    if getattr(_callable, "_golo_name", None) is None:
        _callable._golo_name = _name
del _name, _callable
