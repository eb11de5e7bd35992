"""`DynamicObject` (§21): a bag of properties whose closures act as methods.

`o: name(v)` defines or sets a property and returns `o`; `o: name()` reads it (null when
undefined); a property holding a function is a method: `o: greet(x)` calls it with `o` first.
"""
from __future__ import annotations

import functools
import types

from golo_fast.runtime.exceptions import GoloException

# classes.py names this type, so the function test is spelled out here instead of imported.
_FUNCTIONS = (types.FunctionType, types.BuiltinFunctionType, types.MethodType, functools.partial)


def is_function(value) -> bool:
    return isinstance(value, _FUNCTIONS)


class DynamicObject:
    __slots__ = ("kind", "props", "frozen", "fallback")

    def __init__(self, kind: str = "DynamicObject"):
        self.kind = kind
        self.props: dict = {}
        self.frozen = False
        self.fallback = None

    def _check_mutable(self):
        if self.frozen:
            raise GoloException("java.lang.IllegalStateException",
                                "the object is frozen")

    def define(self, name, value):
        self._check_mutable()
        self.props[name] = value
        return self

    def __repr__(self) -> str:
        return f"DynamicObject({self.kind!r}, {self.props!r})"


class _Native:
    def define(self, name, value):
        return self.define(name, value)

    def get(self, name):
        return self.props.get(name)

    def undefine(self, name):
        self._check_mutable()
        self.props.pop(name, None)
        return self

    def copy(self):
        other = DynamicObject(self.kind)
        other.props = dict(self.props)
        other.fallback = self.fallback
        return other

    def freeze(self):
        self.frozen = True
        return self

    def isFrozen(self):
        return self.frozen

    def hasMethod(self, name):
        return is_function(self.props.get(name))

    def hasKind(self, kind):
        return self.kind == kind

    def mixin(self, other):
        self._check_mutable()
        self.props.update(other.props)
        return self

    def properties(self):
        from golo_fast.runtime.values import GoloSet, MapEntry
        return GoloSet(MapEntry(k, v, self.props) for k, v in self.props.items())

    def fallback(self, f):
        self._check_mutable()
        self.fallback = f
        return self


def property_method(name: str, argc: int):
    """The dispatcher for `o: name(args)` when `name` is not a built-in method."""
    def dispatch(obj, *args):
        value = obj.props.get(name)
        if is_function(value):
            return value(obj, *args)
        if argc == 0:
            if name not in obj.props and obj.fallback is not None:
                return obj.fallback(obj, name)
            return value
        if argc == 1:
            return obj.define(name, args[0])
        if obj.fallback is not None:
            return obj.fallback(obj, name, *args)
        raise GoloException("java.lang.NoSuchMethodError",
                            f"DynamicObject::{name} takes 0 or 1 argument, "
                            f"unless it is a method")
    return dispatch
