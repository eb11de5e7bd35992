"""Operators (language.md §4) with golo-fast's decisions (unbounded ints)."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, strategies as st

from golo_fast import runtime as rt
from golo_fast.runtime.exceptions import GoloException

C = rt.Char


def test_string_concatenation_renders_the_other_side():
    assert rt.add(rt.add("x", 1), 2) == "x12"
    assert rt.add(rt.add(1, 2), "x") == "3x"
    assert rt.add("a", None) == "anull"
    assert rt.add("s", C("c")) == "sc"
    assert rt.add("a", rt.GoloList([1])) == "a[1]"
    assert rt.add("x", 1.0 / 3) == "x0.3333333333333333"
    assert rt.add("x", math.inf) == "xInfinity"
    assert rt.add(True, "!") == "true!"


def test_numeric_promotion_and_chars():
    assert rt.add(1, 1.5) == 2.5 and type(rt.add(1, 1.5)) is float
    assert rt.add(C("a"), 1) == 98 and type(rt.add(C("a"), 1)) is int
    assert rt.add(C("a"), C("b")) == 195
    assert rt.sub(C("b"), C("a")) == 1
    assert rt.mul(C("a"), 2) == 194
    assert rt.add(2147483647, 1) == 2147483648


def test_string_repetition():
    assert rt.mul("ab", 3) == "ababab"
    assert rt.mul(2, "xy") == "xyxy"
    assert rt.mul("ab", 0) == "" and rt.mul("ab", -2) == ""
    assert rt.mul("", 10 ** 30) == ""
    with pytest.raises(GoloException, match="maximum String length"):
        rt.mul("ab", 10 ** 30)


def test_integer_division_truncates():
    assert rt.div(7, 2) == 3 and rt.div(-7, 2) == -3 and rt.div(7, -2) == -3
    assert rt.mod(-7, 3) == -1 and rt.mod(7, -3) == 1 and rt.mod(7, 3) == 1
    assert rt.div(7, 2.0) == 3.5
    assert rt.mod(5.5, 2) == 1.5 and rt.mod(-5.5, 2) == -1.5


@given(st.integers(), st.integers().filter(lambda b: b != 0))
def test_division_identity(a, b):
    q, r = rt.div(a, b), rt.mod(a, b)
    assert q * b + r == a
    assert abs(r) < abs(b)
    assert r == 0 or (r < 0) == (a < 0)


def test_division_by_zero(golo_error):
    for op in (rt.div, rt.mod):
        e = golo_error(op, 1, 0)
        assert e.kind == "java.lang.ArithmeticException" and e.message == "/ by zero"
    assert rt.div(1.0, 0) == math.inf
    assert rt.div(-1.0, 0) == -math.inf
    assert math.isnan(rt.div(0.0, 0.0))
    assert math.isnan(rt.mod(1.0, 0))
    assert math.isnan(rt.mod(math.inf, 1)) and rt.mod(1.5, math.inf) == 1.5


@pytest.mark.parametrize("op, a, b, symbol", [
    (rt.add, rt.GoloList([1]), rt.GoloList([2]), "+"),
    (rt.sub, "a", 1, "-"),
    (rt.add, 1, None, "+"),
    (rt.mul, "a", "b", "*"),
    (rt.add, True, 1, "+"),
    (rt.div, "a", 2, "/"),
    (rt.mod, None, 2, "%"),
])
def test_unsupported_operands_name_the_operator_and_types(op, a, b, symbol, golo_error):
    e = golo_error(op, a, b)
    assert isinstance(e, GoloException)
    assert f"Operator `{symbol}` is not supported for types" in e.message
    assert rt.java_name(a) in e.message and rt.java_name(b) in e.message


def test_python_operators_on_collections_raise_golo_errors():
    for a, b in [(rt.GoloList([1]), rt.GoloList([2])), (rt.Tuple([1]), rt.Tuple([2])),
                 (rt.Vector([1]), 1), (rt.Array([1]), rt.Array([1]))]:
        with pytest.raises(GoloException, match="Operator `\\+`"):
            a + b
        with pytest.raises(GoloException, match="Operator `\\*`"):
            a * 2
    with pytest.raises(GoloException):
        C("a") * "ab"


def test_negation(golo_error):
    assert rt.neg(3) == -3 and rt.neg(-2.5) == 2.5 and rt.neg(C("a")) == -97
    assert "Operator `-`" in golo_error(rt.neg, "x").message


def test_equality():
    assert rt.eq(1, 1.0) and rt.eq(1, 1)
    assert rt.eq(rt.GoloList([1, 2]), rt.Vector([1, 2]))
    assert not rt.eq(rt.GoloList([1, 2]), rt.Tuple([1, 2]))
    assert not rt.eq(C("a"), "a") and not rt.eq("a", C("a"))
    assert rt.eq(C("a"), C("a"))
    assert rt.eq(None, None) and not rt.eq(None, 0)
    assert not rt.eq(1, True) and not rt.eq(True, 1) and rt.eq(True, True)
    assert rt.eq(rt.GoloSet([1, 2]), rt.GoloSet([2, 1]))
    assert rt.eq(rt.map_literal([rt.Tuple(["a", 1])]), rt.map_literal([rt.Tuple(["a", 1])]))
    assert rt.eq(rt.Tuple([1, rt.GoloList([2])]), rt.Tuple([1, rt.Vector([2])]))
    assert rt.eq(rt.Range(1, 5), rt.Range(1, 4 + 1))
    assert not rt.eq(rt.Range(1, 5), rt.Range(1, 5).increment_by(2))
    assert rt.ne(1, 2) and not rt.ne("a", "a")


def test_python_equality_matches_golo_for_collections():
    # Compiled code may use Python's == directly on collections.
    assert rt.GoloList([1]) == rt.Vector([1])
    assert rt.GoloList([1]) != rt.Tuple([1]) and rt.Tuple([1]) != rt.GoloList([1])
    assert rt.Array([1]) != rt.GoloList([1])
    assert C("a") != "a"


def test_comparisons(golo_error):
    assert rt.lt(1, 2) and rt.le(2, 2.0) and rt.gt(2.5, 2) and rt.ge(3, 3)
    assert rt.lt("a", "b") and rt.lt(C("a"), C("b")) and rt.lt(C("a"), 98)
    assert rt.lt(rt.Tuple([1, 2]), rt.Tuple([1, 3]))
    for a, b in [(None, 1), ("a", 1), (1, "a"), (rt.GoloList([1]), rt.GoloList([2])),
                 (True, False), (None, None), (rt.GoloSet(), rt.GoloSet())]:
        e = golo_error(rt.lt, a, b)
        assert isinstance(e, GoloException)


def test_python_comparisons_on_lists_and_arrays_raise_golo_errors():
    # Compiled code uses Python's `<` directly.
    for a, b in [(rt.GoloList([1]), rt.GoloList([2])), (rt.Vector([1]), rt.Vector([2])),
                 (rt.Array([1]), rt.Array([2]))]:
        with pytest.raises(GoloException, match="Operator `<`"):
            a < b
        with pytest.raises(GoloException, match="Operator `>=`"):
            a >= b
    assert rt.Tuple([1, 2]) < rt.Tuple([1, 3])


def test_identity():
    lst = rt.GoloList()
    assert rt.is_(lst, lst) and not rt.is_(lst, rt.GoloList())
    assert rt.isnt(None, lst) and rt.is_(None, None)


def test_cond_and_not(golo_error):
    assert rt.cond(True) is True and rt.cond(False) is False
    for value in (1, None, "true", 0):
        e = golo_error(rt.cond, value)
        assert "condition is not a Boolean" in e.message
    assert rt.not_(True) is False and rt.not_(False) is True
    assert "`not`" in golo_error(rt.not_, 1).message


@pytest.mark.parametrize("name, yes, no", [
    ("String", ["s"], [rt.Char("s"), None]),
    ("java.lang.String", ["s"], [1]),
    ("Integer", [42, -2 ** 31], [2 ** 31, 1.0, True, C("a")]),
    ("Long", [2 ** 40], [42]),
    ("java.math.BigInteger", [2 ** 70], [2 ** 40]),
    ("Double", [1.0], [1]),
    ("Character", [C("a")], ["a", 97]),
    ("Boolean", [True], [1]),
    ("java.lang.Number", [1, 1.5, 2 ** 80], [C("a"), True, "1"]),
    ("java.util.List", [rt.GoloList(), rt.Vector()], [rt.Tuple(), rt.GoloSet()]),
    ("java.util.LinkedList", [rt.GoloList()], [rt.Vector()]),
    ("java.util.ArrayList", [rt.Vector()], [rt.GoloList()]),
    ("java.util.Set", [rt.GoloSet()], [rt.GoloList()]),
    ("java.util.Map", [rt.GoloMap()], [rt.GoloSet()]),
    ("java.util.Collection", [rt.GoloList(), rt.GoloSet(), rt.Range(1, 2)], [rt.Tuple()]),
    ("java.lang.Iterable", [rt.Tuple(), rt.Range(1, 2)], [rt.GoloMap(), "s"]),
    ("gololang.Tuple", [rt.Tuple()], [rt.GoloList()]),
    ("Tuple", [rt.Tuple()], [rt.GoloList()]),
    ("Object", [0, "", rt.GoloList()], [None]),
    ("java.lang.Object", [False], [None]),
    ("RuntimeException", [rt.GoloException("java.lang.IllegalArgumentException", "x")],
     [rt.GoloException("java.lang.AssertionError", "x")]),
    ("Exception", [rt.GoloException("java.lang.RuntimeException", "x")],
     [rt.GoloException("java.lang.AssertionError", "x")]),
    ("Throwable", [rt.GoloException("java.lang.AssertionError", "x")], ["x"]),
    ("AssertionError", [rt.GoloException("java.lang.AssertionError", "x")],
     [rt.GoloException("java.lang.RuntimeException", "x")]),
    ("gololang.FunctionReference", [lambda: 1, rt.PREDEFINED["println"]], ["f"]),
])
def test_oftype_class_literals(name, yes, no):
    klass = rt.class_literal(name)
    for value in yes:
        assert rt.oftype(value, klass), (name, value)
    for value in no:
        assert not rt.oftype(value, klass), (name, value)


def test_oftype_structs_and_unions(ctx, golo_error):
    point = ctx.define_struct("Point", ("x", "y"))
    shape = ctx.define_union("Shape", {"Circle": ("r",), "Empty": ()})
    p = point(1, 2)
    assert rt.oftype(p, rt.type_ref(ctx, "Point"))
    assert rt.oftype(p, rt.class_literal(f"{ctx.name}.types.Point"))
    assert rt.oftype(p, point)
    assert not rt.oftype(point(), rt.class_literal("String"))
    assert rt.oftype(shape.Circle(1), rt.type_ref(ctx, "Shape"))
    assert rt.oftype(shape.Circle(1), shape)
    assert rt.oftype(shape.Circle(1), rt.type_ref(ctx, "Shape$Circle"))
    assert not rt.oftype(shape.Empty(), rt.type_ref(ctx, "Shape.Circle"))
    assert isinstance(golo_error(rt.oftype, 1, "String"), GoloException)


def test_wasm_errors_match_their_class_names():
    from golo_fast.errors import WasmTrap
    trap = WasmTrap("unreachable")
    assert rt.oftype(trap, rt.class_literal("WasmTrap"))
    assert rt.oftype(trap, rt.class_literal("WasmError"))
    assert rt.oftype(trap, rt.class_literal("RuntimeException"))
    assert not rt.oftype(trap, rt.class_literal("WasmLoadError"))
