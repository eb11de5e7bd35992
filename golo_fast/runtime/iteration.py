"""`foreach` (§8.4) and destructuring (§11)."""
from __future__ import annotations

from golo_fast.runtime.classes import java_name
from golo_fast.runtime.exceptions import GoloException
from golo_fast.runtime.structs import StructBase, UnionBase, field_values, public_values
from golo_fast.runtime.values import (
    Array, EntrySet, GoloList, GoloMap, GoloSet, JavaIterator, MapEntry, Range, ReadOnlyList,
    Tuple, Vector,
)

_ITERABLE = (GoloList, Vector, ReadOnlyList, Tuple, Array, Range, GoloSet, EntrySet,
             JavaIterator)


def iterate(x):
    """The iterator `foreach` walks; maps and strings are not iterable in Golo."""
    t = type(x)
    if t in _ITERABLE:
        return iter(x)
    if isinstance(x, StructBase):
        return iter(x)
    if t is GoloMap:
        raise GoloException("java.lang.ClassCastException",
                            "a map is not iterable: use entrySet(), keySet() or values()")
    if t is str:
        raise GoloException("java.lang.ClassCastException",
                            "a String is not iterable: index it with charAt(i)")
    if x is None:
        raise GoloException("java.lang.NullPointerException", "cannot iterate over null")
    if hasattr(x, "__next__") or isinstance(x, (list, tuple)):
        # Iterators handed out by `iterator()` methods and Python sequences from the host.
        return iter(x)
    raise GoloException("java.lang.ClassCastException", f"{java_name(x)} is not iterable")


def _mismatch(names: int, values: int, has_rest: bool) -> GoloException:
    wanted = f"at least {names - 1}" if has_rest else str(names)
    return GoloException("java.lang.IllegalArgumentException",
                         f"destructuring needs {wanted} value(s), got {values}")


def destructure(value, n_names: int, has_rest: bool) -> list:
    """The values bound by `let a, b, rest... = value` (`rest` keeps the source's kind)."""
    t = type(value)
    if t is MapEntry:
        if n_names != 2 or has_rest:
            raise GoloException("java.lang.IllegalArgumentException",
                                "a map entry destructures into exactly 2 names")
        return [value.key, value.value]
    if isinstance(value, StructBase):
        items = list(public_values(value))
        rest_kind = None
    elif isinstance(value, UnionBase):
        items = list(field_values(value))
        rest_kind = None
    elif t in _ITERABLE:
        items = list(value)
        rest_kind = t
    else:
        raise GoloException("java.lang.ClassCastException",
                            f"a value of type {java_name(value)} cannot be destructured")
    if not has_rest:
        if len(items) != n_names:
            raise _mismatch(n_names, len(items), False)
        return items
    if rest_kind is None:
        raise GoloException("java.lang.IllegalArgumentException",
                            f"a {java_name(value)} cannot be destructured with a rest (`...`)")
    fixed = n_names - 1
    if len(items) < fixed:
        raise _mismatch(n_names, len(items), True)
    if rest_kind is Range:
        rest = value._with(value.start + fixed * value.step, value.stop, value.step)
    else:
        rest = rest_kind(items[fixed:])
    return items[:fixed] + [rest]
