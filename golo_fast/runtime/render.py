"""Golo's toString (§3): what `println` prints, `str` and string `+` concatenate."""
from __future__ import annotations

import math

from golo_fast.runtime.classes import ClassLiteral, is_function, kind_of
from golo_fast.runtime.dynamic import DynamicObject
from golo_fast.runtime.exceptions import GoloException
from golo_fast.runtime.names import golo_function_name
from golo_fast.runtime.structs import StructBase, UnionBase
from golo_fast.runtime.values import (
    Array, Box, Char, EntrySet, GoloList, GoloMap, GoloSet, MapEntry, Range, ReadOnlyList, Tuple,
    Vector,
)


def render_double(d: float) -> str:
    """Java `Double.toString`: shortest round-trip digits, plain in [1e-3, 1e7), else `E`."""
    if d != d:
        return "NaN"
    if d == math.inf:
        return "Infinity"
    if d == -math.inf:
        return "-Infinity"
    if d == 0.0:
        return "-0.0" if math.copysign(1.0, d) < 0 else "0.0"
    magnitude = abs(d)
    if 1e-3 <= magnitude < 1e7:
        # repr prints this range positionally, with ".0" for integral values.
        return repr(d)
    # Python's repr has the same shortest digits; re-lay them out as Java's d.dddE[-]n.
    mantissa, _, exp_text = repr(magnitude).partition("e")
    whole, _, fraction = mantissa.partition(".")
    all_digits = whole + fraction
    significant = all_digits.lstrip("0")
    # Digits before the decimal point, counted from the first significant digit.
    point = len(whole) + int(exp_text or 0) - (len(all_digits) - len(significant))
    significant = significant.rstrip("0") or "0"
    sign = "-" if d < 0 else ""
    return f"{sign}{significant[0]}.{significant[1:] or '0'}E{point - 1}"


def _seq(x) -> str:
    # A collection that contains itself prints "(this Collection)" there, as in Java.
    return "[" + ", ".join([render(e) if e is not x else "(this Collection)" for e in x]) + "]"


def _map(m) -> str:
    return "{" + ", ".join([(render(k) if k is not m else "(this Map)") + "="
                            + (render(v) if v is not m else "(this Map)")
                            for k, v in m.items()]) + "}"


def _range(r: Range) -> str:
    text = f"range({render(r.first)},{render(r.last_bound)})"
    if r.step != 1:
        text += f":incrementBy({r.step})"
    return text


def render_exception(exc: BaseException) -> str:
    """`java.lang.RuntimeException: message` (or just the kind when there is no message)."""
    if isinstance(exc, GoloException):
        message = exc.message
    else:
        message = str(exc) or None
    kind = kind_of(exc)
    return kind if message is None else f"{kind}: {message}"


def _dynamic(o: DynamicObject) -> str:
    fields = ", ".join([f"{k}={render(v)}" for k, v in o.props.items() if not is_function(v)])
    return f"{o.kind}{{{fields}}}"


_RENDERERS = {
    type(None): lambda x: "null",
    bool: lambda x: "true" if x else "false",
    float: render_double,
    Char: chr,
    GoloList: _seq,
    Vector: _seq,
    ReadOnlyList: _seq,
    GoloSet: _seq,
    EntrySet: _seq,
    Array: _seq,
    Tuple: lambda x: "tuple" + _seq(x),
    GoloMap: _map,
    MapEntry: lambda e: render(e.key) + "=" + render(e.value),
    Range: _range,
    Box: lambda b: render(b.value),
    ClassLiteral: str,
    DynamicObject: _dynamic,
}


def _render_other(x) -> str:
    if isinstance(x, StructBase):
        t = type(x)
        fields = ", ".join([f"{name}={render(getattr(x, name))}" for name in t.__golo_public__])
        return f"struct {t.__golo_name__}{{{fields}}}"
    if isinstance(x, UnionBase):
        t = type(x)
        head = f"union {t.__golo_name__}.{t.__golo_alternative__}"
        if not t.__golo_fields__:
            return head
        fields = ", ".join([f"{name}={render(getattr(x, name))}" for name in t.__golo_fields__])
        return f"{head}{{{fields}}}"
    if isinstance(x, BaseException):
        return render_exception(x)
    if is_function(x):
        name = getattr(x, "_golo_name", None) or golo_function_name(
            getattr(x, "__name__", None) or "closure")
        return f"FunctionReference({name})"
    if isinstance(x, int):
        return int.__repr__(x)
    if isinstance(x, (list, tuple)):
        return _seq(x)
    if isinstance(x, dict):
        return _map(x)
    return str(x)


def render(x) -> str:
    """The Golo rendering of any value."""
    t = type(x)
    if t is str:
        return x
    if t is int:
        return int.__repr__(x)
    renderer = _RENDERERS.get(t)
    if renderer is not None:
        return renderer(x)
    return _render_other(x)
