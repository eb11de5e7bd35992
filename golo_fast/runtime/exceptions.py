"""Golo exception values, and the mapping of Python failures onto them.

A Golo exception is any `errors.GoloError` instance.  Exceptions raised by the runtime and by
`raise(...)` / `RuntimeException(...)` are `GoloException`s carrying a Java-like kind
(`java.lang.RuntimeException`, ...).  Other `GoloError`s (wasm errors, ...) are exception
values too: `e: getMessage()` gives their message and their kind is their class name.
"""
from __future__ import annotations

import re

from golo_fast.errors import GoloError, InternalError
from golo_fast.runtime.names import golo_function_name

# Java-like exception kinds and their parents, so `oftype RuntimeException.class` matches an
# IllegalArgumentException as it does on the JVM.
KIND_PARENTS: dict[str, str | None] = {
    "java.lang.Throwable": None,
    "java.lang.Exception": "java.lang.Throwable",
    "java.lang.Error": "java.lang.Throwable",
    "java.lang.RuntimeException": "java.lang.Exception",
    "java.lang.IllegalArgumentException": "java.lang.RuntimeException",
    "java.lang.NumberFormatException": "java.lang.IllegalArgumentException",
    "java.lang.IllegalStateException": "java.lang.RuntimeException",
    "java.lang.UnsupportedOperationException": "java.lang.RuntimeException",
    "java.lang.ArithmeticException": "java.lang.RuntimeException",
    "java.lang.IndexOutOfBoundsException": "java.lang.RuntimeException",
    "java.lang.ArrayIndexOutOfBoundsException": "java.lang.IndexOutOfBoundsException",
    "java.lang.NullPointerException": "java.lang.RuntimeException",
    "java.lang.ClassCastException": "java.lang.RuntimeException",
    "java.util.NoSuchElementException": "java.lang.RuntimeException",
    "java.lang.AssertionError": "java.lang.Error",
    "java.lang.StackOverflowError": "java.lang.Error",
    "java.lang.OutOfMemoryError": "java.lang.Error",
    "java.lang.NoSuchMethodError": "java.lang.Error",
    "java.io.IOException": "java.lang.Exception",
    "java.io.UncheckedIOException": "java.lang.RuntimeException",
    # Errors of golo-fast's own wasm bridge, seen from Golo as runtime exceptions.
    "GoloError": "java.lang.RuntimeException",
}


def kind_is_a(kind: str, ancestor: str) -> bool:
    """True when exception kind `kind` is `ancestor` or derives from it."""
    while kind is not None:
        if kind == ancestor:
            return True
        kind = KIND_PARENTS.get(kind, "java.lang.RuntimeException"
                                if kind != "java.lang.Throwable" else None)
    return False


class GoloException(GoloError):
    """A Golo exception: a Java-like `kind`, a `message` (str or None) and a `cause`."""

    def __init__(self, kind: str, message: str | None = None, cause: BaseException | None = None):
        super().__init__(message if message is not None else kind)
        self.kind = kind
        self.message = message
        self.cause = cause
        if cause is not None:
            self.__cause__ = cause

    def __str__(self) -> str:
        return self.message if self.message is not None else self.kind

    def __repr__(self) -> str:
        return f"GoloException({self.kind!r}, {self.message!r})"


def kind_of(exc: BaseException) -> str:
    """The Java-like class name of an exception value."""
    if isinstance(exc, GoloException):
        return exc.kind
    return type(exc).__name__


def message_of(exc: BaseException):
    """`getMessage()` of an exception value (None when it has none)."""
    if isinstance(exc, GoloException):
        return exc.message
    text = str(exc)
    return text if text else None


def cause_of(exc: BaseException):
    if isinstance(exc, GoloException):
        return exc.cause
    return exc.__cause__


def exception_kind_is_a(exc: BaseException, ancestor: str) -> bool:
    """`exc oftype <ancestor>.class` for exception values."""
    if isinstance(exc, GoloException):
        return kind_is_a(exc.kind, ancestor)
    if not isinstance(exc, GoloError):
        return False
    # A bridge error is a RuntimeException, and also matches its own class names.
    for klass in type(exc).__mro__:
        if klass.__name__ == ancestor:
            return True
    return kind_is_a("java.lang.RuntimeException", ancestor)


_NEVER_CAUGHT = (KeyboardInterrupt, SystemExit, GeneratorExit, InternalError)


def catch(exc: BaseException) -> BaseException:
    """Turn what a Python `except` caught into the value a Golo `catch (e)` binds.

    Golo errors are returned as they are (so `throw e` rethrows the same object); Python's own
    failures inside compiled code become GoloExceptions with the matching Java kind and the
    original chained as cause.  Interrupts, exits and golo-fast bugs are re-raised.
    """
    if isinstance(exc, GoloError):
        return exc
    if isinstance(exc, _NEVER_CAUGHT):
        raise exc
    return from_python(exc)


def from_python(exc: BaseException) -> GoloException:
    """Map a Python exception raised by compiled code to a Golo exception value."""
    if isinstance(exc, ZeroDivisionError):
        kind, message = "java.lang.ArithmeticException", "/ by zero"
    elif isinstance(exc, RecursionError):
        kind, message = "java.lang.StackOverflowError", None
    elif isinstance(exc, IndexError):
        kind, message = "java.lang.IndexOutOfBoundsException", str(exc)
    elif isinstance(exc, KeyError):
        kind, message = "java.util.NoSuchElementException", str(exc)
    elif isinstance(exc, TypeError):
        kind, message = "java.lang.IllegalArgumentException", _golo_type_error(str(exc))
    elif isinstance(exc, MemoryError):
        kind, message = "java.lang.OutOfMemoryError", str(exc) or None
    elif isinstance(exc, OSError):
        kind, message = "java.io.IOException", str(exc)
    elif isinstance(exc, (ValueError, OverflowError)):
        kind, message = "java.lang.IllegalArgumentException", str(exc)
    else:
        kind, message = "java.lang.RuntimeException", str(exc) or type(exc).__name__
    converted = GoloException(kind, message, None)
    # Keep the Python original for debugging without making it the Golo-visible cause.
    converted.__cause__ = exc
    converted.__traceback__ = exc.__traceback__
    return converted


_ARITY_MESSAGE = re.compile(
    r"^(?P<name>[\w.<>]+)\(\) (?P<rest>(takes|missing|got) .*)$")


_NOT_A = re.compile(r"^'(?P<type>\w+)' object is not (?P<what>callable|iterable)$")


def _golo_type_error(message: str) -> str:
    """Python's complaints in Golo words: compiled functions are named `<name>__<n>` (closures
    `_closure__<n>`), Golo has no "positional" arguments, and types have Java names."""
    m = _NOT_A.match(message)
    if m is not None:
        # Imported here: the type names depend on the value types, which depend on this module.
        from golo_fast.runtime.classes import java_name_of_type
        what = "a function" if m.group("what") == "callable" else "iterable"
        return f"a value of type {java_name_of_type(m.group('type'))} is not {what}"
    m = _ARITY_MESSAGE.match(message)
    if m is None:
        return message
    name = golo_function_name(m.group("name"))
    rest = m.group("rest").replace(" positional argument", " argument")
    return f"{name}() {rest}"


def to_throwable(value) -> BaseException:
    """What `throw value` raises: exception values as they are; anything else is an error."""
    if isinstance(value, BaseException):
        return value
    # Imported here: render depends on the value types, which depend on this module.
    from golo_fast.runtime.render import render
    return GoloException(
        "java.lang.ClassCastException",
        f"cannot throw a value that is not an exception: {render(value)}",
    )
