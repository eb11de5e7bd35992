"""Golo operators (§4) on runtime values.

The hot cases (two ints, two floats) are tested first with `type(x) is int`, which is cheaper
than isinstance and excludes bool (Golo has no arithmetic on booleans) and Char.
"""
from __future__ import annotations

import math

from golo_fast.runtime.classes import java_name
from golo_fast.runtime.exceptions import GoloException
from golo_fast.runtime.render import render
from golo_fast.runtime.structs import StructBase
from golo_fast.runtime.values import Char, Tuple

__all__ = ["add", "sub", "mul", "div", "mod", "neg", "eq", "ne", "lt", "le", "gt", "ge",
           "is_", "isnt", "cond", "not_", "unsupported"]

def _is_number(t) -> bool:
    return t is int or t is float or t is Char


def unsupported(op: str, a, b=None, unary: bool = False) -> GoloException:
    if unary:
        return GoloException("java.lang.RuntimeException",
                             f"Operator `{op}` is not supported for type {java_name(a)}")
    return GoloException("java.lang.RuntimeException",
                         f"Operator `{op}` is not supported for types {java_name(a)} and "
                         f"{java_name(b)}")


def _by_zero() -> GoloException:
    return GoloException("java.lang.ArithmeticException", "/ by zero")


def add(a, b):
    ta = type(a)
    tb = type(b)
    if ta is int and tb is int:
        return a + b
    if ta is str:
        return a + (b if tb is str else render(b))
    if tb is str:
        return render(a) + b
    if _is_number(ta) and _is_number(tb):
        # Char operands act as their code point; int.__add__ on a Char gives a plain int.
        return a + b
    raise unsupported("+", a, b)


def sub(a, b):
    ta = type(a)
    tb = type(b)
    if (ta is int or ta is float or ta is Char) and (tb is int or tb is float or tb is Char):
        return a - b
    raise unsupported("-", a, b)


_MAX_STRING = (1 << 31) - 1      # a Java String's maximum length


def _repeat(text: str, count) -> str:
    if count <= 0 or not text:
        return ""
    if len(text) * count > _MAX_STRING:
        raise GoloException("java.lang.OutOfMemoryError",
                            f"Repeating a String of length {len(text)} {count} times exceeds "
                            f"the maximum String length")
    return text * count


def mul(a, b):
    ta = type(a)
    tb = type(b)
    if (ta is int or ta is float or ta is Char) and (tb is int or tb is float or tb is Char):
        # Char.__mul__ refuses strings only; with numbers it multiplies code points.
        return a * b
    if ta is str and tb is int:
        return _repeat(a, b)
    if tb is str and ta is int:
        return _repeat(b, a)
    raise unsupported("*", a, b)


def _int_div(a: int, b: int) -> int:
    if b == 0:
        raise _by_zero()
    q = abs(a) // abs(b)
    return -q if (a < 0) != (b < 0) else q


def _float_div(a, b) -> float:
    if b == 0:
        if a == 0 or a != a:
            return math.nan
        # IEEE: the sign is the product of the operand signs (b may be -0.0).
        return math.copysign(math.inf, a) * math.copysign(1.0, b)
    return a / b


def div(a, b):
    ta = type(a)
    tb = type(b)
    if (ta is int or ta is Char) and (tb is int or tb is Char):
        return _int_div(int(a), int(b))
    if (ta is float and (tb is float or tb is int or tb is Char)) or (
            tb is float and (ta is int or ta is Char)):
        return _float_div(float(a), float(b))
    raise unsupported("/", a, b)


def mod(a, b):
    ta = type(a)
    tb = type(b)
    if (ta is int or ta is Char) and (tb is int or tb is Char):
        a = int(a)
        b = int(b)
        if b == 0:
            raise _by_zero()
        r = abs(a) % abs(b)
        return -r if a < 0 else r
    if (ta is float and (tb is float or tb is int or tb is Char)) or (
            tb is float and (ta is int or ta is Char)):
        if b == 0 or math.isinf(a) or a != a or b != b:
            return math.nan          # IEEE (and Java): an infinite dividend or zero divisor
        return math.fmod(float(a), float(b))
    raise unsupported("%", a, b)


def neg(a):
    ta = type(a)
    if ta is int or ta is float:
        return -a
    if ta is Char:
        return -int(a)
    raise unsupported("-", a, unary=True)


def eq(a, b) -> bool:
    """`==`: numbers by value, otherwise value equality; a Boolean only equals a Boolean."""
    if a is b:
        return True
    ta = type(a)
    tb = type(b)
    if ta is bool or tb is bool:
        return False
    return a == b


def ne(a, b) -> bool:
    return not eq(a, b)


def _comparable(a, b, op: str):
    ta = type(a)
    tb = type(b)
    if (ta is int or ta is float or ta is Char) and (tb is int or tb is float or tb is Char):
        return
    if ta is tb and (ta is str or ta is Tuple or isinstance(a, StructBase)):
        return
    if a is None or b is None:
        raise GoloException("java.lang.NullPointerException",
                            f"cannot compare with null using `{op}`")
    raise GoloException("java.lang.ClassCastException",
                        f"Operator `{op}` is not supported for types {java_name(a)} and "
                        f"{java_name(b)}")


def tuple_order(a, b, op: str) -> int:
    """-1, 0 or 1: tuples compare element by element with Golo's rules (so incomparable
    elements are a Golo error, not Python's TypeError), then by length."""
    for x, y in zip(a, b):
        if eq(x, y):
            continue
        _comparable(x, y, op)
        if type(x) is Tuple:
            return tuple_order(x, y, op)
        return -1 if x < y else 1
    return (len(a) > len(b)) - (len(a) < len(b))


def lt(a, b) -> bool:
    if type(a) is int and type(b) is int:
        return a < b
    _comparable(a, b, "<")
    if type(a) is Tuple:
        return tuple_order(a, b, "<") < 0
    return a < b


def le(a, b) -> bool:
    if type(a) is int and type(b) is int:
        return a <= b
    _comparable(a, b, "<=")
    if type(a) is Tuple:
        return tuple_order(a, b, "<=") <= 0
    return a <= b


def gt(a, b) -> bool:
    if type(a) is int and type(b) is int:
        return a > b
    _comparable(a, b, ">")
    if type(a) is Tuple:
        return tuple_order(a, b, ">") > 0
    return a > b


def ge(a, b) -> bool:
    if type(a) is int and type(b) is int:
        return a >= b
    _comparable(a, b, ">=")
    if type(a) is Tuple:
        return tuple_order(a, b, ">=") >= 0
    return a >= b


def is_(a, b) -> bool:
    return a is b


def isnt(a, b) -> bool:
    return a is not b


def cond(x) -> bool:
    """A condition (`if`, `while`, `and`, `or`, `match`): Golo has no truthiness."""
    if x is True or x is False:
        return x
    raise GoloException("java.lang.ClassCastException",
                        f"condition is not a Boolean: {java_name(x)} {render(x)}")


def not_(x) -> bool:
    if x is True:
        return False
    if x is False:
        return True
    raise GoloException("java.lang.ClassCastException",
                        f"Operator `not` is not supported for type {java_name(x)}")
