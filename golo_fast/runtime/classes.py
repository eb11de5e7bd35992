"""Golo type names: Java-like names of values, class literals for `oftype`, augmentation targets.

Without Java interop, a "class" is a name.  `class_literal("java.lang.String")` (or a short
name such as `String`) gives a `ClassLiteral` whose `test(value)` is what `oftype` means
(§4.7).  `type_chain(type)` lists the names an augmentation may target for values of a Python
type, most specific first (§14).

Integers are unbounded in golo-fast, so the kind of an int follows its magnitude for `oftype`
and for names shown in messages: Integer when it fits 32 bits, Long when it fits 64 bits,
BigInteger beyond.  Augmentations of any of the three apply to every int.
"""
from __future__ import annotations

import functools
import types

from golo_fast.runtime.dynamic import DynamicObject
from golo_fast.runtime.exceptions import GoloException, exception_kind_is_a, kind_of, KIND_PARENTS
from golo_fast.runtime.structs import StructBase, UnionBase
from golo_fast.runtime.values import (
    Array, Box, Char, EntrySet, GoloList, GoloMap, GoloSet, JavaIterator, MapEntry, Range,
    ReadOnlyList, Tuple, Vector,
)
from golo_fast.errors import GoloError

FUNCTION_TYPES = (types.FunctionType, types.BuiltinFunctionType, types.MethodType,
                  functools.partial)

_INT32 = 1 << 31
_INT64 = 1 << 63


def is_function(value) -> bool:
    """True for closures, function references, struct factories and union value factories."""
    return isinstance(value, FUNCTION_TYPES) or (
        isinstance(value, type) and (issubclass(value, StructBase) or (
            issubclass(value, UnionBase) and bool(value.__golo_alternative__))))


def int_kind(value: int) -> str:
    if -_INT32 <= value < _INT32:
        return "java.lang.Integer"
    if -_INT64 <= value < _INT64:
        return "java.lang.Long"
    return "java.math.BigInteger"


_JAVA_NAMES = {
    str: "java.lang.String",
    float: "java.lang.Double",
    bool: "java.lang.Boolean",
    Char: "java.lang.Character",
    GoloList: "java.util.LinkedList",
    Vector: "java.util.ArrayList",
    ReadOnlyList: "java.util.List",
    GoloSet: "java.util.LinkedHashSet",
    EntrySet: "java.util.Set",
    GoloMap: "java.util.LinkedHashMap",
    MapEntry: "java.util.Map$Entry",
    Tuple: "gololang.Tuple",
    Array: "java.lang.Object[]",
    Range: "gololang.Range",
    Box: "java.util.concurrent.atomic.AtomicReference",
    type(None): "null",
    DynamicObject: "gololang.DynamicObject",
    JavaIterator: "java.util.Iterator",
}


def java_name(value) -> str:
    """The Java-like class name of a value, as Golo messages show it."""
    t = type(value)
    if t is int:
        return int_kind(value)
    name = _JAVA_NAMES.get(t)
    if name is not None:
        return name
    if isinstance(value, StructBase):
        return type(value).__golo_fullname__
    if isinstance(value, UnionBase):
        return f"{type(value).__golo_fullname__}${type(value).__golo_alternative__}"
    if isinstance(value, BaseException):
        return kind_of(value)
    if is_function(value):
        return "gololang.FunctionReference"
    if isinstance(value, ClassLiteral):
        return "java.lang.Class"
    if isinstance(value, GoloList):
        return "java.util.List"
    return t.__name__


def java_name_of_type(python_name: str) -> str:
    """The Java-like name of a runtime type given its Python class name (for messages)."""
    if python_name == "int":
        return "java.lang.Integer"
    for t, name in _JAVA_NAMES.items():
        if t.__name__ == python_name:
            return name
    return python_name


_OBJECT = "java.lang.Object"
_INT_CHAIN = ("java.lang.Integer", "java.lang.Long", "java.math.BigInteger",
              "java.lang.Number", "java.lang.Comparable", _OBJECT)
_LIST_TAIL = ("java.util.List", "java.util.Collection", "java.lang.Iterable", _OBJECT)
_FUNCTION_CHAIN = ("gololang.FunctionReference", _OBJECT)

_CHAINS = {
    str: ("java.lang.String", "java.lang.CharSequence", "java.lang.Comparable", _OBJECT),
    int: _INT_CHAIN,
    float: ("java.lang.Double", "java.lang.Number", "java.lang.Comparable", _OBJECT),
    bool: ("java.lang.Boolean", "java.lang.Comparable", _OBJECT),
    Char: ("java.lang.Character", "java.lang.Comparable", _OBJECT),
    GoloList: ("java.util.LinkedList",) + _LIST_TAIL,
    Vector: ("java.util.ArrayList",) + _LIST_TAIL,
    ReadOnlyList: _LIST_TAIL,
    GoloSet: ("java.util.LinkedHashSet", "java.util.HashSet", "java.util.Set",
              "java.util.Collection", "java.lang.Iterable", _OBJECT),
    EntrySet: ("java.util.Set", "java.util.Collection", "java.lang.Iterable", _OBJECT),
    GoloMap: ("java.util.LinkedHashMap", "java.util.HashMap", "java.util.Map", _OBJECT),
    MapEntry: ("java.util.Map$Entry", _OBJECT),
    Tuple: ("gololang.Tuple", "java.lang.Iterable", _OBJECT),
    Array: ("java.lang.Object[]", _OBJECT),
    Range: ("gololang.Range", "java.util.Collection", "java.lang.Iterable", _OBJECT),
    Box: ("java.util.concurrent.atomic.AtomicReference", _OBJECT),
    DynamicObject: ("gololang.DynamicObject", _OBJECT),
    JavaIterator: ("java.util.Iterator", _OBJECT),
}


def type_chain(t: type) -> tuple:
    """Names an augmentation can target for values of Python type `t`, most specific first."""
    chain = _CHAINS.get(t)
    if chain is not None:
        return chain
    if issubclass(t, StructBase):
        return (t.__golo_fullname__, "gololang.GoloStruct", "java.lang.Iterable", _OBJECT)
    if issubclass(t, UnionBase):
        return (f"{t.__golo_fullname__}${t.__golo_alternative__}", t.__golo_fullname__,
                "gololang.GoloUnion",
                _OBJECT)
    if issubclass(t, BaseException):
        return ("java.lang.RuntimeException", "java.lang.Exception", "java.lang.Throwable",
                _OBJECT)
    if issubclass(t, FUNCTION_TYPES) or (issubclass(t, type)):
        return _FUNCTION_CHAIN
    if issubclass(t, ClassLiteral):
        return ("java.lang.Class", _OBJECT)
    return (_OBJECT,)


# Short names accepted for class literals and augmentation targets (the implicit `java.lang`
# import, plus the collection types golo-fast recognises without interop).
ALIASES = {
    "String": "java.lang.String", "CharSequence": "java.lang.CharSequence",
    "Object": _OBJECT, "Number": "java.lang.Number", "Integer": "java.lang.Integer",
    "Long": "java.lang.Long", "Double": "java.lang.Double", "Float": "java.lang.Float",
    "Boolean": "java.lang.Boolean", "Character": "java.lang.Character",
    "Comparable": "java.lang.Comparable", "Iterable": "java.lang.Iterable",
    "BigInteger": "java.math.BigInteger", "BigDecimal": "java.math.BigDecimal",
    "List": "java.util.List", "LinkedList": "java.util.LinkedList",
    "ArrayList": "java.util.ArrayList", "Set": "java.util.Set", "Map": "java.util.Map",
    "Collection": "java.util.Collection", "LinkedHashMap": "java.util.LinkedHashMap",
    "HashMap": "java.util.HashMap", "LinkedHashSet": "java.util.LinkedHashSet",
    "HashSet": "java.util.HashSet", "Map$Entry": "java.util.Map$Entry",
    "java.util.Map.Entry": "java.util.Map$Entry",
    "Tuple": "gololang.Tuple", "FunctionReference": "gololang.FunctionReference",
    "Range": "gololang.Range", "DynamicObject": "gololang.DynamicObject",
}
for _kind in KIND_PARENTS:
    ALIASES.setdefault(_kind.rsplit(".", 1)[-1], _kind)


def canonical_name(name: str) -> str:
    return ALIASES.get(name, name)


_TESTS = {
    "java.lang.String": lambda v: type(v) is str,
    "java.lang.CharSequence": lambda v: type(v) is str,
    "java.lang.Integer": lambda v: type(v) is int and -_INT32 <= v < _INT32,
    "java.lang.Long": lambda v: type(v) is int and not -_INT32 <= v < _INT32
    and -_INT64 <= v < _INT64,
    "java.math.BigInteger": lambda v: type(v) is int and not -_INT64 <= v < _INT64,
    "java.lang.Double": lambda v: type(v) is float,
    # golo-fast has no 32-bit floats or big decimals: no value is of these kinds.
    "java.lang.Float": lambda v: False,
    "java.math.BigDecimal": lambda v: False,
    "java.lang.Number": lambda v: type(v) is int or type(v) is float,
    "java.lang.Boolean": lambda v: type(v) is bool,
    "java.lang.Character": lambda v: type(v) is Char,
    "java.lang.Comparable": lambda v: type(v) in (int, float, str, bool, Char, Tuple)
    or isinstance(v, StructBase),
    "java.util.List": lambda v: type(v) in (GoloList, Vector, ReadOnlyList),
    "java.util.LinkedList": lambda v: type(v) is GoloList,
    "java.util.ArrayList": lambda v: type(v) is Vector,
    "java.util.Set": lambda v: type(v) is GoloSet or type(v) is EntrySet,
    "java.util.HashSet": lambda v: type(v) is GoloSet,
    "java.util.LinkedHashSet": lambda v: type(v) is GoloSet,
    "java.util.Map": lambda v: type(v) is GoloMap,
    "java.util.HashMap": lambda v: type(v) is GoloMap,
    "java.util.LinkedHashMap": lambda v: type(v) is GoloMap,
    "java.util.Map$Entry": lambda v: type(v) is MapEntry,
    "java.util.Collection": lambda v: type(v) in (GoloList, Vector, ReadOnlyList, GoloSet,
                                                   EntrySet, Range),
    "java.lang.Iterable": lambda v: type(v) in (GoloList, Vector, ReadOnlyList, GoloSet,
                                                 EntrySet, Range, Tuple)
    or isinstance(v, StructBase),
    "gololang.Tuple": lambda v: type(v) is Tuple,
    "gololang.Range": lambda v: type(v) is Range,
    "gololang.FunctionReference": is_function,
    "gololang.GoloStruct": lambda v: isinstance(v, StructBase),
    "gololang.GoloUnion": lambda v: isinstance(v, UnionBase),
    "java.lang.Object[]": lambda v: type(v) is Array,
    "java.util.concurrent.atomic.AtomicReference": lambda v: type(v) is Box,
    _OBJECT: lambda v: v is not None,
    "java.lang.Class": lambda v: isinstance(v, ClassLiteral),
    "gololang.DynamicObject": lambda v: type(v) is DynamicObject,
    "java.util.Iterator": lambda v: type(v) is JavaIterator,
}


class ClassLiteral:
    """A class literal (`String.class`, `mod.types.Point.class`): a name and a membership test."""

    __slots__ = ("name", "_test")

    def __init__(self, name: str):
        self.name = name
        self._test = _TESTS.get(name)

    def test(self, value) -> bool:
        if value is None:
            return False
        if self._test is not None:
            return self._test(value)
        if isinstance(value, BaseException):
            return isinstance(value, GoloError) and exception_kind_is_a(value, self.name)
        if isinstance(value, StructBase):
            return type(value).__golo_fullname__ == self.name
        if isinstance(value, UnionBase):
            t = type(value)
            return self.name in (t.__golo_fullname__,
                                 f"{t.__golo_fullname__}${t.__golo_alternative__}")
        return False

    @property
    def simple_name(self) -> str:
        return self.name.rsplit(".", 1)[-1]

    def __eq__(self, other):
        return isinstance(other, ClassLiteral) and other.name == self.name

    def __hash__(self):
        return hash(self.name)

    def __repr__(self) -> str:
        return f"ClassLiteral({self.name!r})"

    def __str__(self) -> str:
        return f"class {self.name}"


_LITERALS: dict[str, ClassLiteral] = {}


def class_literal(name: str, ctx=None) -> ClassLiteral:
    """The class literal for `name` (`String`, `java.util.List`, `Point`, `mod.types.Point`).

    With a module context, a short name of one of its structs or unions means that type.
    """
    if ctx is not None:
        name = ctx.resolve_type_name(name)
    else:
        name = canonical_name(name)
    literal = _LITERALS.get(name)
    if literal is None:
        literal = _LITERALS[name] = ClassLiteral(name)
    return literal


def class_of(value) -> ClassLiteral:
    """`x: getClass()`."""
    return class_literal(java_name(value))


def oftype(value, klass) -> bool:
    """`value oftype klass`: `klass` is a ClassLiteral, a struct class or a union class."""
    if isinstance(klass, ClassLiteral):
        return klass.test(value)
    if isinstance(klass, type) and issubclass(klass, (StructBase, UnionBase)):
        return isinstance(value, klass)
    raise GoloException("java.lang.IllegalArgumentException",
                        f"the right side of `oftype` must be a class literal, not "
                        f"{java_name(klass)}")
