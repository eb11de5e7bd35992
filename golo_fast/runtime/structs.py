"""Structs (§12) and unions (§13): classes built at module set-up.

`make_struct("mod", "Point", ["x", "y"])` returns a class; calling it with no argument or one
per member builds a mutable instance, `frozen_factory(cls)` gives the `ImmutablePoint`
factory.  Instances keep their members in slots named after them.  Mutable instances compare
by identity, frozen ones by type and values.

`make_union("mod", "Shape", {"Circle": ["radius"], "Nothing": []})` returns the union class;
each alternative is a subclass reachable as an attribute (`Shape.Circle(2)`), field-less
alternatives are singletons.  Union values compare by type and field values.

Members may be named anything a Golo identifier allows (`members`, `values`, `copy`...), so
the classes carry their metadata in dunder attributes and every helper is a module function:
an instance attribute never shadows the machinery.
"""
from __future__ import annotations

import keyword

from golo_fast.runtime.exceptions import GoloException


class StructBase:
    """Base of every struct class."""

    __slots__ = ("__golo_frozen__",)
    __golo_module__: str = ""
    __golo_name__: str = ""
    __golo_fullname__: str = ""
    __golo_members__: tuple = ()
    __golo_public__: tuple = ()

    def __init__(self, *values):
        members = type(self).__golo_members__
        if values:
            if len(values) != len(members):
                _wrong_arity(type(self), len(values))
            for name, value in zip(members, values):
                object.__setattr__(self, name, value)
        else:
            for name in members:
                object.__setattr__(self, name, None)
        object.__setattr__(self, "__golo_frozen__", False)

    def __iter__(self):
        from golo_fast.runtime.values import Tuple
        for name in type(self).__golo_public__:
            yield Tuple((name, getattr(self, name)))

    def __eq__(self, other):
        if self is other:
            return True
        if type(other) is not type(self) or not is_frozen(self) or not is_frozen(other):
            return False
        return all_values(self) == all_values(other)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        if is_frozen(self):
            return hash((type(self), all_values(self)))
        return id(self)

    def _operands(self, other, op: str):
        if type(other) is not type(self):
            from golo_fast.runtime.classes import java_name
            raise GoloException(
                "java.lang.ClassCastException",
                f"cannot compare {java_name(self)} with {java_name(other)} using `{op}`")
        return all_values(self), all_values(other)

    def __lt__(self, other):
        a, b = StructBase._operands(self, other, "<")
        return a < b

    def __le__(self, other):
        a, b = StructBase._operands(self, other, "<=")
        return a <= b

    def __gt__(self, other):
        a, b = StructBase._operands(self, other, ">")
        return a > b

    def __ge__(self, other):
        a, b = StructBase._operands(self, other, ">=")
        return a >= b

    def __repr__(self) -> str:
        return f"{type(self).__golo_name__}{all_values(self)!r}"

    def __str__(self) -> str:
        from golo_fast.runtime.render import render
        return render(self)


def is_frozen(instance: StructBase) -> bool:
    return object.__getattribute__(instance, "__golo_frozen__")


def public_values(instance: StructBase) -> tuple:
    return tuple(getattr(instance, name) for name in type(instance).__golo_public__)


def all_values(instance: StructBase) -> tuple:
    return tuple(getattr(instance, name) for name in type(instance).__golo_members__)


def set_member(instance: StructBase, name: str, value):
    """A setter: refuses frozen instances, returns the instance (setters chain)."""
    if is_frozen(instance):
        raise GoloException("java.lang.IllegalStateException",
                            f"This `{type(instance).__golo_fullname__}` struct instance is frozen")
    object.__setattr__(instance, name, value)
    return instance


def copy(instance: StructBase) -> StructBase:
    return type(instance)(*all_values(instance))


def frozen_copy(instance: StructBase) -> StructBase:
    return frozen_factory(type(instance))(*all_values(instance))


def frozen_factory(cls: type):
    """The `ImmutableName(...)` factory of struct class `cls`."""
    def immutable(*values):
        if len(values) != len(cls.__golo_members__):
            raise GoloException(
                "java.lang.NoSuchMethodError",
                f"Immutable{cls.__golo_name__}: takes {len(cls.__golo_members__)} arguments, "
                f"got {len(values)}")
        instance = cls(*values)
        object.__setattr__(instance, "__golo_frozen__", True)
        return instance
    immutable.__name__ = immutable.__qualname__ = f"Immutable{cls.__golo_name__}"
    return immutable


def _is_plain(name: str) -> bool:
    return name.isidentifier() and not keyword.iskeyword(name) and not name.startswith("__")


def _struct_init(name: str, members: tuple):
    """A constructor specialised for the members: struct construction is a hot path, and a
    generated `self.x, self.y = values` is several times faster than a generic loop."""
    if not members or not all(_is_plain(m) for m in members):
        return StructBase.__init__
    targets = ", ".join(f"self.{m}" for m in members)
    source = (
        "def __init__(self, *values):\n"
        f"    if len(values) == {len(members)}:\n"
        f"        {targets}, = values\n"
        "    elif not values:\n"
        f"        {targets}, = {(None,) * len(members)!r}\n"
        "    else:\n"
        "        _wrong_arity(type(self), len(values))\n"
        "    self.__golo_frozen__ = False\n"
    )
    namespace = {"_wrong_arity": _wrong_arity}
    exec(compile(source, f"<struct {name}>", "exec"), namespace)
    return namespace["__init__"]


def _wrong_arity(cls: type, count: int):
    raise GoloException(
        "java.lang.NoSuchMethodError",
        f"{cls.__golo_name__}: a struct factory takes 0 or {len(cls.__golo_members__)} "
        f"arguments, got {count}")


def make_struct(module_name: str, name: str, members) -> type:
    """Build the class of struct `name` of module `module_name` with the given members."""
    members = tuple(members)
    namespace = {
        "__init__": _struct_init(name, members),
        "__slots__": members,
        "__golo_module__": module_name,
        "__golo_name__": name,
        "__golo_fullname__": f"{module_name}.types.{name}",
        "__golo_members__": members,
        "__golo_public__": tuple(m for m in members if not m.startswith("_")),
        "__qualname__": name,
    }
    return type(name, (StructBase,), namespace)


class UnionBase:
    """Base of every union value class; `__golo_alternative__` names the alternative."""

    __slots__ = ()
    __golo_module__: str = ""
    __golo_name__: str = ""            # the union's name, e.g. "Shape"
    __golo_fullname__: str = ""        # e.g. "mod.types.Shape"
    __golo_alternative__: str = ""     # e.g. "Circle"
    __golo_fields__: tuple = ()
    __golo_alternatives__: dict = {}

    def __iter__(self):
        return iter(field_values(self))

    def __eq__(self, other):
        if self is other:
            return True
        return type(other) is type(self) and field_values(self) == field_values(other)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((type(self), field_values(self)))

    def __setattr__(self, name, value):
        raise GoloException(
            "java.lang.UnsupportedOperationException",
            f"union values are immutable "
            f"({type(self).__golo_name__}.{type(self).__golo_alternative__})")

    def __repr__(self) -> str:
        t = type(self)
        return f"{t.__golo_name__}.{t.__golo_alternative__}{field_values(self)!r}"

    def __str__(self) -> str:
        from golo_fast.runtime.render import render
        return render(self)


def field_values(value: UnionBase) -> tuple:
    return tuple(getattr(value, name) for name in type(value).__golo_fields__)


def _alternative_init(fields):
    def __init__(self, *values):
        if len(values) != len(fields):
            t = type(self)
            raise GoloException(
                "java.lang.NoSuchMethodError",
                f"{t.__golo_name__}.{t.__golo_alternative__}: takes {len(fields)} arguments, "
                f"got {len(values)}")
        for name, value in zip(fields, values):
            object.__setattr__(self, name, value)
    return __init__


def _singleton_new(cls, *values):
    if values:
        raise GoloException(
            "java.lang.NoSuchMethodError",
            f"{cls.__golo_name__}.{cls.__golo_alternative__}: takes 0 arguments, "
            f"got {len(values)}")
    return cls.__golo_instance__


def _no_init(self, *values):
    """Field-less alternatives are singletons built once; calling them initialises nothing."""


def make_union(module_name: str, name: str, alternatives: dict) -> type:
    """Build union `name`: the returned class has one subclass attribute per alternative."""
    fullname = f"{module_name}.types.{name}"
    union = type(name, (UnionBase,), {
        "__slots__": (), "__golo_module__": module_name, "__golo_name__": name,
        "__golo_fullname__": fullname, "__qualname__": name,
    })
    classes = {}
    for alt, fields in alternatives.items():
        fields = tuple(fields)
        namespace = {
            "__slots__": fields, "__golo_alternative__": alt, "__golo_fields__": fields,
            "__qualname__": f"{name}.{alt}",
        }
        if fields:
            namespace["__init__"] = _alternative_init(fields)
        else:
            namespace["__new__"] = _singleton_new
            namespace["__init__"] = _no_init
        klass = type(f"{name}.{alt}", (union,), namespace)
        if not fields:
            klass.__golo_instance__ = object.__new__(klass)
        classes[alt] = klass
        setattr(union, alt, klass)
    union.__golo_alternatives__ = classes
    return union
