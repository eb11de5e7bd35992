"""Function values (closures, function references) and calling them (§7).

A Golo function value is a plain Python callable.  Its Golo arity is its positional
parameters *without defaults* (compiled code may pass captured values as defaulted
parameters; Golo itself has no default values), plus one for a `*rest` varargs parameter.
Compiled code may set `fn._golo_params` (the Golo parameter names, for named arguments when
Python names are mangled) and `fn._golo_name`.
"""
from __future__ import annotations

import functools
import types

from golo_fast.runtime.classes import is_function, java_name
from golo_fast.runtime.exceptions import GoloException
from golo_fast.runtime.names import golo_function_name, golo_name
from golo_fast.runtime.structs import StructBase, UnionBase
from golo_fast.runtime.values import Array

_CO_VARARGS = 0x04


def signature(fn) -> tuple[int, bool]:
    """(number of declared Golo parameters, is varargs) of a function value."""
    explicit = getattr(fn, "_golo_arity", None)
    if explicit is not None:
        return explicit
    if isinstance(fn, types.FunctionType):
        code = fn.__code__
        varargs = bool(code.co_flags & _CO_VARARGS)
        fixed = code.co_argcount - len(fn.__defaults__ or ())
        return fixed + (1 if varargs else 0), varargs
    if isinstance(fn, types.MethodType):
        n, varargs = signature(fn.__func__)
        return n - 1, varargs
    if isinstance(fn, functools.partial):
        n, varargs = signature(fn.func)
        return max(n - len(fn.args), 0), varargs
    if isinstance(fn, type) and issubclass(fn, StructBase):
        return len(fn.__golo_members__), False
    if isinstance(fn, type) and issubclass(fn, UnionBase):
        return len(fn.__golo_fields__), False
    return 0, True


def accepts(fn, argc: int) -> bool:
    n, varargs = signature(fn)
    if varargs:
        return argc >= n - 1
    return argc == n


def name_of(fn) -> str:
    explicit = getattr(fn, "_golo_name", None)
    if explicit:
        return explicit
    return golo_function_name(getattr(fn, "__name__", None) or "closure")


def _with_signature(fn, arity: int, varargs: bool = False, name: str | None = None):
    fn._golo_arity = (arity, varargs)
    if name is not None:
        fn._golo_name = name
    return fn


def arity_error(fn, argc: int) -> GoloException:
    n, varargs = signature(fn)
    expected = f"at least {n - 1}" if varargs else str(n)
    return GoloException(
        "java.lang.IllegalArgumentException",
        f"function `{name_of(fn)}` takes {expected} argument(s), called with {argc}")


def call_value(fn, *args):
    """Call a value as a function: `f(args)` where `f` is a local or an expression."""
    if not callable(fn) or not is_function(fn):
        raise GoloException("java.lang.ClassCastException",
                            f"cannot call a value of type {java_name(fn)}: it is not a function")
    try:
        return fn(*args)
    except TypeError as exc:
        # Only a TypeError raised while binding the arguments (no deeper frame) is an arity
        # error; one from inside the function is the function's own failure.
        if exc.__traceback__ is not None and exc.__traceback__.tb_next is None:
            raise arity_error(fn, len(args)) from None
        raise


def _param_names(fn, count: int):
    params = getattr(fn, "_golo_params", None)
    if params is not None:
        return tuple(params)
    target = fn.__func__ if isinstance(fn, types.MethodType) else fn
    code = getattr(target, "__code__", None)
    if code is None:
        return None
    names = code.co_varnames[:code.co_argcount + (1 if code.co_flags & _CO_VARARGS else 0)]
    if isinstance(fn, types.MethodType):
        names = names[1:]
    return tuple(golo_name(n) for n in names[:count])


def positional_from_named(fn, named: dict) -> list:
    """Order named arguments as `fn`'s parameters (§6.3)."""
    params = _param_names(fn, signature(fn)[0])
    if params is None:
        raise GoloException("java.lang.IllegalArgumentException",
                            f"`{name_of(fn)}` does not accept named arguments")
    unknown = [k for k in named if k not in params]
    if unknown:
        raise GoloException("java.lang.IllegalArgumentException",
                            f"`{name_of(fn)}` has no parameter named `{unknown[0]}`")
    missing = [p for p in params if p not in named]
    if missing:
        raise GoloException("java.lang.IllegalArgumentException",
                            f"named arguments for `{name_of(fn)}` miss `{missing[0]}`")
    return [named[p] for p in params]


def call_value_named(fn, named: dict):
    """`f(a = 1, b = 2)` on a function value."""
    args = positional_from_named(fn, named)
    n, varargs = signature(fn)
    if varargs and args:
        rest = args[-1]
        args = args[:-1] + (list(rest) if type(rest) is Array else [rest])
    return call_value(fn, *args)


# -- FunctionReference methods (§7.4) ------------------------------------------------------

def invoke_function(fn, *args):
    """`f: invoke(args...)`: a single array argument is spread (Java varargs)."""
    if len(args) == 1 and type(args[0]) is Array:
        args = tuple(args[0])
    return call_value(fn, *args)


def and_then(f, g):
    n, varargs = signature(f)
    return _with_signature(lambda *args: g(f(*args)), n, varargs, f"{name_of(f)}.andThen")


def compose(f, g):
    n, varargs = signature(g)
    return _with_signature(lambda *args: f(g(*args)), n, varargs, f"{name_of(f)}.compose")


def bind_at(f, position, value):
    """Fix one parameter, by index or by name."""
    n, varargs = signature(f)
    if isinstance(position, str):
        params = _param_names(f, n)
        if not params or position not in params:
            raise GoloException("java.lang.IllegalArgumentException",
                                f"`{name_of(f)}` has no parameter named `{position}`")
        position = list(params).index(position)
    if type(position) is not int or not 0 <= position < n:
        raise GoloException("java.lang.IllegalArgumentException",
                            f"cannot bind parameter {position} of `{name_of(f)}` "
                            f"(arity {n})")

    def bound(*args):
        return f(*args[:position], value, *args[position:])
    return _with_signature(bound, n - 1, varargs, name_of(f))


def bind_to(f, value):
    return bind_at(f, 0, value)


def spread(f, *args):
    """`f: spread(array)`: call with the elements of an array, tuple or list."""
    if len(args) == 1 and isinstance(args[0], (list, tuple)):
        args = tuple(args[0])
    return call_value(f, *args)
