"""Structs (§12) and unions (§13)."""
from __future__ import annotations

import pytest

from golo_fast import runtime as rt
from golo_fast.runtime.exceptions import GoloException
from golo_fast.runtime.structs import frozen_factory as frozen

T = rt.Tuple


@pytest.fixture
def point(ctx):
    return ctx.define_struct("Point", ("x", "y"))


def test_factories_and_accessors(point, inv):
    p = point(1, 2)
    assert inv(p, "x") == 1 and inv(p, "y") == 2
    assert inv(p, "x", 10) is p and p.x == 10
    chained = inv(inv(point(), "x", 5), "y", 6)
    assert rt.render(chained) == "struct Point{x=5, y=6}"
    with pytest.raises(GoloException, match="0 or 2 arguments"):
        point(1)


def test_members_values_get_set_copy(point, inv):
    p = point(1, 2)
    assert inv(p, "members") == T(["x", "y"]) and inv(p, "values") == T([1, 2])
    assert inv(p, "get", "y") == 2 and inv(p, "set", "y", 5) is p and p.y == 5
    with pytest.raises(GoloException):
        inv(p, "get", "z")
    c = inv(p, "copy")
    assert c is not p and not inv(c, "isFrozen") and inv(c, "values") == inv(p, "values")
    f = inv(p, "frozenCopy")
    assert inv(f, "isFrozen")


def test_frozen_instances(point, ctx, inv, golo_error):
    f = frozen(point)(3, 4)
    e = golo_error(inv, f, "x", 1)
    assert e.kind == "java.lang.IllegalStateException"
    assert e.message == f"This `{ctx.name}.types.Point` struct instance is frozen"
    assert golo_error(inv, f, "set", "x", 1).kind == "java.lang.IllegalStateException"


def test_equality_mutable_by_identity_frozen_by_value(point, ctx):
    a, b = point(3, 4), point(3, 4)
    assert a != b and a == a and rt.eq(a, a) and not rt.eq(a, b)
    assert frozen(point)(3, 4) == frozen(point)(3, 4)
    assert hash(frozen(point)(3, 4)) == hash(frozen(point)(3, 4))
    assert frozen(point)(3, 4) != point(3, 4)
    other = ctx.define_struct("Other", ("x", "y"))
    assert frozen(other)(3, 4) != frozen(point)(3, 4)


def test_ordering(point, ctx, golo_error):
    assert rt.lt(point(1, 9), point(2, 0)) and rt.lt(point(1, 2), point(1, 3))
    assert rt.ge(point(1, 3), point(1, 3))
    other = ctx.define_struct("Other", ("x", "y"))
    assert isinstance(golo_error(rt.lt, point(1, 2), other(1, 2)), GoloException)


def test_iteration_and_destructuring(ctx):
    account = ctx.define_struct("Account", ("owner", "_pin", "balance"))
    acct = account("ann", 1234, 50)
    assert list(rt.iterate(acct)) == [T(["owner", "ann"]), T(["balance", 50])]
    assert rt.destructure(acct, 2, False) == ["ann", 50]
    assert rt.invoke(ctx, acct, "members") == T(["owner", "balance"])


def test_union_values(ctx, inv):
    shape = ctx.define_union("Shape", {"Circle": ("radius",), "Rect": ("width", "height"),
                                       "Nothing": ()})
    c = shape.Circle(2)
    assert inv(c, "radius") == 2 and inv(shape.Rect(3, 5), "height") == 5
    assert inv(c, "isCircle") and not inv(c, "isRect") and not inv(c, "isNothing")
    assert inv(shape.Rect(3, 5), "isRect", 3, 5) and not inv(shape.Rect(3, 5), "isRect", 3, 6)
    assert shape.Nothing() is shape.Nothing()
    assert shape.Circle(2) == shape.Circle(2) and shape.Circle(2) != shape.Circle(3)
    assert hash(shape.Circle(2)) == hash(shape.Circle(2))
    assert shape.Circle(2) != shape.Rect(2, 2)
    assert rt.destructure(shape.Rect(3, 5), 2, False) == [3, 5]
    with pytest.raises(GoloException):
        inv(c, "radius", 5)                 # no setters on union values
    with pytest.raises(GoloException):
        c.radius = 5
    with pytest.raises(GoloException):
        shape.Circle()


def test_augmenting_a_union_and_one_alternative(ctx, inv):
    shape = ctx.define_union("Shape", {"Circle": ("radius",), "Square": ("side",)})
    ctx.augment("Shape", {"describe": lambda this: "a shape"})
    ctx.augment("Shape$Circle", {"describe": lambda this: "a circle"})
    assert inv(shape.Circle(1), "describe") == "a circle"
    assert inv(shape.Square(1), "describe") == "a shape"


def test_struct_of_another_module_by_full_name(ctx, inv):
    other = rt.ModuleContext(ctx.name + ".types2")
    try:
        thing = other.define_struct("Thing", ("v",))
        ctx.augment(f"{other.name}.types.Thing", {"double": lambda this: this.v * 2})
        assert inv(thing(21), "double") == 42
    finally:
        rt.MODULES.pop(other.name)


def test_members_may_be_named_like_the_machinery(ctx, inv):
    group = ctx.define_struct("Group", ("name", "members", "values", "copy", "frozen"))
    g = group("g", 1, 2, 3, 4)
    assert inv(g, "members") == 1 and inv(g, "values") == 2 and inv(g, "copy") == 3
    assert rt.render(g) == "struct Group{name=g, members=1, values=2, copy=3, frozen=4}"
    f = rt.call(ctx, "ImmutableGroup", "f", 1, 2, 3, 4)
    assert inv(f, "isFrozen") and f == rt.call(ctx, "ImmutableGroup", "f", 1, 2, 3, 4)
    assert rt.destructure(g, 5, False) == ["g", 1, 2, 3, 4]
    box = ctx.define_union("Box", {"Full": ("values", "fields")})
    b = box.Full(1, 2)
    assert inv(b, "values") == 1 and inv(b, "fields") == 2
    assert rt.render(b) == "union Box.Full{values=1, fields=2}"


def test_factories_are_function_values(ctx, inv):
    point = ctx.define_struct("Point", ("x", "y"))
    shape = ctx.define_union("Shape", {"Circle": ("radius",), "Nothing": ()})
    make = rt.funref(ctx, "Point", 2)
    assert rt.PREDEFINED["isClosure"](make) and inv(make, "arity") == 2
    assert rt.call_value(make, 1, 2).x == 1
    circle = rt.funref(ctx, "Shape.Circle", 1)
    assert rt.PREDEFINED["isClosure"](circle) and inv(circle, "arity") == 1
    assert rt.render(inv(circle, "invoke", 3)) == "union Shape.Circle{radius=3}"
    assert rt.render(inv(rt.GoloList([1, 2]), "map", circle)) == \
        "[union Shape.Circle{radius=1}, union Shape.Circle{radius=2}]"
    assert not rt.PREDEFINED["isClosure"](shape)
