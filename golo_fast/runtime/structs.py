"""Structs (§12) and unions (§13): classes built at module set-up.

`make_struct("mod", "Point", ["x", "y"])` returns a class; calling it with no argument or one
per member builds a mutable instance, `cls.frozen(*values)` a frozen one.  Instances keep their
members in slots.  Mutable instances compare by identity, frozen ones by type and values.

`make_union("mod", "Shape", {"Circle": ["radius"], "Nothing": []})` returns the union class;
each alternative is a subclass reachable as an attribute (`Shape.Circle(2)`), field-less
alternatives are singletons.  Union values compare by type and field values.
"""
from __future__ import annotations

from golo_fast.runtime.exceptions import GoloException


class StructBase:
    """Base of every struct class; class attributes describe the struct."""

    __slots__ = ("_frozen",)
    golo_module: str = ""
    golo_name: str = ""
    golo_fullname: str = ""
    members: tuple = ()
    public_members: tuple = ()

    def __init__(self, *values):
        members = self.members
        if values:
            if len(values) != len(members):
                raise GoloException(
                    "java.lang.NoSuchMethodError",
                    f"{self.golo_name}: a struct factory takes 0 or {len(members)} arguments, "
                    f"got {len(values)}")
            for name, value in zip(members, values):
                object.__setattr__(self, name, value)
        else:
            for name in members:
                object.__setattr__(self, name, None)
        self._frozen = False

    @classmethod
    def frozen(cls, *values):
        """The `ImmutablePoint(...)` factory."""
        if len(values) != len(cls.members):
            raise GoloException(
                "java.lang.NoSuchMethodError",
                f"Immutable{cls.golo_name}: takes {len(cls.members)} arguments, got {len(values)}")
        instance = cls(*values)
        instance._frozen = True
        return instance

    def _check_mutable(self):
        if self._frozen:
            raise GoloException("java.lang.IllegalStateException",
                                f"This `{self.golo_fullname}` struct instance is frozen")

    def set_member(self, name, value):
        self._check_mutable()
        object.__setattr__(self, name, value)
        return self

    def values(self) -> tuple:
        return tuple(getattr(self, name) for name in self.public_members)

    def all_values(self) -> tuple:
        return tuple(getattr(self, name) for name in self.members)

    def copy(self):
        return type(self)(*self.all_values())

    def frozen_copy(self):
        return type(self).frozen(*self.all_values())

    def __iter__(self):
        from golo_fast.runtime.values import Tuple
        for name in self.public_members:
            yield Tuple((name, getattr(self, name)))

    def __eq__(self, other):
        if self is other:
            return True
        if not self._frozen or type(other) is not type(self) or not other._frozen:
            return False
        return self.all_values() == other.all_values()

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        if self._frozen:
            return hash((type(self), self.all_values()))
        return id(self)

    def _compare(self, other, op: str):
        if type(other) is not type(self):
            from golo_fast.runtime.classes import java_name
            raise GoloException(
                "java.lang.ClassCastException",
                f"cannot compare {java_name(self)} with {java_name(other)} using `{op}`")
        return self.all_values(), other.all_values()

    def __lt__(self, other):
        a, b = self._compare(other, "<")
        return a < b

    def __le__(self, other):
        a, b = self._compare(other, "<=")
        return a <= b

    def __gt__(self, other):
        a, b = self._compare(other, ">")
        return a > b

    def __ge__(self, other):
        a, b = self._compare(other, ">=")
        return a >= b

    def __repr__(self) -> str:
        return f"{self.golo_name}{self.all_values()!r}"

    def __str__(self) -> str:
        from golo_fast.runtime.render import render
        return render(self)


def make_struct(module_name: str, name: str, members) -> type:
    """Build the class of struct `name` of module `module_name` with the given members."""
    members = tuple(members)
    namespace = {
        "__slots__": members,
        "golo_module": module_name,
        "golo_name": name,
        "golo_fullname": f"{module_name}.types.{name}",
        "members": members,
        "public_members": tuple(m for m in members if not m.startswith("_")),
        "__qualname__": name,
    }
    return type(name, (StructBase,), namespace)


class UnionBase:
    """Base of every union value class; `alternative` names the alternative."""

    __slots__ = ()
    golo_module: str = ""
    golo_name: str = ""            # the union's name, e.g. "Shape"
    golo_fullname: str = ""        # e.g. "mod.types.Shape"
    alternative: str = ""          # e.g. "Circle"
    fields: tuple = ()
    alternatives: dict = {}

    def values(self) -> tuple:
        return tuple(getattr(self, name) for name in self.fields)

    def __iter__(self):
        return iter(self.values())

    def __eq__(self, other):
        if self is other:
            return True
        return type(other) is type(self) and self.values() == other.values()

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((type(self), self.values()))

    def __setattr__(self, name, value):
        raise GoloException("java.lang.UnsupportedOperationException",
                            f"union values are immutable ({self.golo_name}.{self.alternative})")

    def __repr__(self) -> str:
        return f"{self.golo_name}.{self.alternative}{self.values()!r}"

    def __str__(self) -> str:
        from golo_fast.runtime.render import render
        return render(self)


def _alternative_init(fields):
    def __init__(self, *values):
        if len(values) != len(fields):
            raise GoloException(
                "java.lang.NoSuchMethodError",
                f"{self.golo_name}.{self.alternative}: takes {len(fields)} arguments, "
                f"got {len(values)}")
        for name, value in zip(fields, values):
            object.__setattr__(self, name, value)
    return __init__


def _singleton_new(cls, *values):
    if values:
        raise GoloException(
            "java.lang.NoSuchMethodError",
            f"{cls.golo_name}.{cls.alternative}: takes 0 arguments, got {len(values)}")
    return cls._instance


def make_union(module_name: str, name: str, alternatives: dict) -> type:
    """Build union `name`: the returned class has one subclass attribute per alternative."""
    fullname = f"{module_name}.types.{name}"
    union = type(name, (UnionBase,), {
        "__slots__": (), "golo_module": module_name, "golo_name": name,
        "golo_fullname": fullname, "__qualname__": name,
    })
    classes = {}
    for alt, fields in alternatives.items():
        fields = tuple(fields)
        namespace = {
            "__slots__": fields, "alternative": alt, "fields": fields,
            "__qualname__": f"{name}.{alt}",
        }
        if fields:
            namespace["__init__"] = _alternative_init(fields)
        else:
            namespace["__new__"] = _singleton_new
            namespace["__init__"] = lambda self, *values: None
        klass = type(f"{name}.{alt}", (union,), namespace)
        if not fields:
            klass._instance = object.__new__(klass)
        classes[alt] = klass
        setattr(union, alt, klass)
    union.alternatives = classes
    return union
