"""Printed forms (language.md §3): every row of the table, and Java's double layout."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, strategies as st

from golo_fast import runtime as rt
from golo_fast.runtime.render import render_double

R = rt.render
L, V, T, S = rt.GoloList, rt.Vector, rt.Tuple, rt.GoloSet


def test_scalars():
    assert R(None) == "null"
    assert R(True) == "true" and R(False) == "false"
    assert R(42) == "42" and R(-17) == "-17" and R(2 ** 70) == str(2 ** 70)
    assert R(rt.Char("c")) == "c"
    assert R("text") == "text"


def test_collections_render_elements_recursively():
    assert R(L([1, "two", 3.0, None, rt.Char("c"), True])) == "[1, two, 3.0, null, c, true]"
    assert R(L([L([1, 2]), L([]), V([3])])) == "[[1, 2], [], [3]]"
    assert R(rt.map_literal([T(["k", L([1, 2])]), T([1, T([3])])])) == "{k=[1, 2], 1=tuple[3]}"
    assert R(T([1, T([2, 3])])) == "tuple[1, tuple[2, 3]]"
    assert R(T([])) == "tuple[]"
    assert R(S([3, 1, 3, 2])) == "[3, 1, 2]"
    assert R(rt.GoloMap()) == "{}"
    assert R(L()) == "[]"


def test_map_entry_views_and_arrays(ctx):
    m = rt.map_literal([T(["a", 1]), T(["b", 2])])
    assert R(rt.invoke(ctx, m, "entrySet")) == "[a=1, b=2]"
    assert R(rt.invoke(ctx, m, "keySet")) == "[a, b]"
    assert R(rt.invoke(ctx, m, "values")) == "[1, 2]"
    assert R(rt.MapEntry("k", "v")) == "k=v"
    assert rt.invoke(ctx, rt.Array([1, 2]), "toString") == "[1, 2]"


def test_ranges():
    assert R(rt.Range(1, 5)) == "range(1,5)"
    assert R(rt.Range(2, 6 + 1)) == "range(2,7)"
    assert R(rt.Range(0, 10).increment_by(2)) == "range(0,10):incrementBy(2)"
    assert R(rt.Range(4)) == "range(0,4)"
    assert R(rt.Range(rt.Char("a"), rt.Char("e"))) == "range(a,e)"


def test_structs_hide_private_members(ctx):
    point = ctx.define_struct("Point", ("x", "y"))
    account = ctx.define_struct("Account", ("owner", "_pin", "balance"))
    assert R(point(1, 2)) == "struct Point{x=1, y=2}"
    assert R(point()) == "struct Point{x=null, y=null}"
    assert R(account("ann", 1234, 50)) == "struct Account{owner=ann, balance=50}"


def test_unions(ctx):
    shape = ctx.define_union("Shape", {"Circle": ("radius",), "Rect": ("width", "height"),
                                       "Nothing": ()})
    assert R(shape.Circle(2)) == "union Shape.Circle{radius=2}"
    assert R(shape.Rect(3, 5)) == "union Shape.Rect{width=3, height=5}"
    assert R(shape.Nothing()) == "union Shape.Nothing"


def test_exceptions():
    assert R(rt.GoloException("java.lang.RuntimeException", "msg")) == \
        "java.lang.RuntimeException: msg"
    assert R(rt.GoloException("java.lang.StackOverflowError")) == "java.lang.StackOverflowError"
    from golo_fast.errors import WasmTrap
    assert R(WasmTrap("unreachable")) == "WasmTrap: unreachable"


def test_box_and_class_literal():
    assert R(rt.Box(L([1]))) == "[1]"
    assert R(rt.class_literal("String")) == "class java.lang.String"


def test_python_str_of_values_is_the_golo_rendering():
    assert str(L([1, T([2])])) == "[1, tuple[2]]"
    assert str(rt.Range(1, 3)) == "range(1,3)"


@pytest.mark.parametrize("value, text", [
    (1.0, "1.0"), (2500.0, "2500.0"), (0.001, "0.001"), (0.1 + 0.2, "0.30000000000000004"),
    (9999999.0, "9999999.0"), (0.0, "0.0"), (-0.0, "-0.0"), (3.25, "3.25"), (-0.5, "-0.5"),
    (1e7, "1.0E7"), (1e10, "1.0E10"), (1.5e-7, "1.5E-7"), (1e-4, "1.0E-4"),
    (123456789.0, "1.23456789E8"), (-2.5e8, "-2.5E8"), (0.00099, "9.9E-4"), (1e16, "1.0E16"),
    (1.7976931348623157e308, "1.7976931348623157E308"),
    (math.inf, "Infinity"), (-math.inf, "-Infinity"), (math.nan, "NaN"),
])
def test_doubles_like_java(value, text):
    assert render_double(value) == text
    assert R(value) == text


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_double_rendering_round_trips(value):
    text = render_double(value)
    assert float(text) == value
    mantissa = text.split("E")[0]
    assert "." in mantissa and not mantissa.endswith(".")
    if "E" in text:
        assert not 1e-3 <= abs(value) < 1e7
        assert 1 <= abs(float(mantissa)) < 10


def test_huge_integers_render_and_parse(inv):
    big = 1
    for i in range(1, 2001):
        big *= i
    text = R(big)
    assert len(text) == 5736 and rt.add("", big) == text
    assert inv(text, "toInt") == big


def test_functions_render_with_their_golo_name():
    def f__3(a):
        return a
    assert R(f__3) == "FunctionReference(f)"
    assert R(lambda: 0) == "FunctionReference(closure)"
    assert R(rt.PREDEFINED["println"]) == "FunctionReference(println)"
