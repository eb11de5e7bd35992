"""Value types: Python behaviour that compiled code relies on."""
from __future__ import annotations

import pytest

from golo_fast import runtime as rt
from golo_fast.runtime.exceptions import GoloException

C = rt.Char


def test_char_is_a_code_point():
    a = C("a")
    assert a == 97 and a == C(97) and a < C("b")
    assert a != "a" and hash(a) == hash(C("a"))
    assert a + 1 == 98 and type(a + 1) is int
    assert str(a) == "a" and repr(a) == "Char('a')"
    with pytest.raises(GoloException):
        C("ab")


def test_tuple():
    t = rt.Tuple([1, 2])
    assert t == rt.Tuple((1, 2)) and hash(t) == hash(rt.Tuple([1, 2]))
    assert t != rt.GoloList([1, 2])
    assert {t: 1}[rt.Tuple([1, 2])] == 1


def test_lists_are_hashable_by_content_like_java():
    assert hash(rt.GoloList([1, 2])) == hash(rt.Vector([1, 2]))
    m = rt.map_literal([rt.Tuple([rt.GoloList([1]), "x"])])
    assert m[rt.GoloList([1])] == "x"


def test_array_is_fixed_size():
    arr = rt.Array([1, 2])
    arr[0] = 5
    assert arr == rt.Array([5, 2])
    with pytest.raises(GoloException):
        arr.append(3)


def test_set_keeps_insertion_order_and_compares_by_content():
    s = rt.GoloSet([3, 1, 3, 2])
    assert list(s) == [3, 1, 2] and len(s) == 3 and 1 in s and 9 not in s
    assert s == rt.GoloSet([1, 2, 3]) and s != rt.GoloList([3, 1, 2])
    assert s.add(4) and not s.add(4)
    assert s.discard(4) and not s.discard(4)


def test_map_keeps_position_of_reput_keys():
    m = rt.map_literal([rt.Tuple(["a", 1]), rt.Tuple(["b", 2])])
    m["a"] = 3
    assert list(m) == ["a", "b"] and rt.render(m) == "{a=3, b=2}"


def test_map_literal_needs_pairs():
    m = rt.map_literal([rt.Tuple([1, 2, 3]), rt.MapEntry("k", "v")])
    assert dict(m.items()) == {1: 2, "k": "v"}
    with pytest.raises(GoloException, match="map entry"):
        rt.map_literal([rt.Tuple([1])])
    with pytest.raises(GoloException):
        rt.map_literal(["ab"])


def test_map_entry():
    owner = rt.GoloMap({"k": 1})
    e = rt.MapEntry("k", 1, owner)
    assert e.set_value(2) == 1 and owner["k"] == 2
    assert e == rt.MapEntry("k", 2) and list(e) == ["k", 2]


def test_ranges():
    assert list(rt.Range(1, 5)) == [1, 2, 3, 4]
    assert list(rt.Range(1, 4 + 1)) == [1, 2, 3, 4]
    assert list(rt.Range(5, 1)) == [] and len(rt.Range(5, 1)) == 0
    assert list(rt.Range(0, 10).increment_by(3)) == [0, 3, 6, 9]
    assert list(rt.Range(5, 0, -1)) == [5, 4, 3, 2, 1]
    assert list(rt.Range(C("a"), C("d"))) == [C("a"), C("b"), C("c")]
    assert all(type(c) is C for c in rt.Range(C("a"), C("d")))
    assert list(rt.Range(C("a"), C("c") + 1)) == [C("a"), C("b"), C("c")]
    assert 3 in rt.Range(1, 5) and 5 not in rt.Range(1, 5) and "x" not in rt.Range(1, 5)
    assert 4 not in rt.Range(0, 10).increment_by(3)
    assert rt.Range(1, 5) == rt.Range(1, 5) and hash(rt.Range(1, 5)) == hash(rt.Range(1, 5))
    with pytest.raises(GoloException):
        rt.Range(1, 5).increment_by(0)
    with pytest.raises(GoloException):
        rt.Range(1.5, 3)


def test_varargs_spreads_a_single_array():
    arr = rt.Array([10, 20])
    assert rt.varargs((arr,)) is arr
    assert rt.varargs((1, 2)) == rt.Array([1, 2])
    assert rt.varargs(()) == rt.Array([])
    assert rt.varargs((rt.GoloList([1]),)) == rt.Array([rt.GoloList([1])])


def test_iterate():
    assert list(rt.iterate(rt.GoloList([1, 2]))) == [1, 2]
    assert list(rt.iterate(rt.Range(1, 3))) == [1, 2]
    for bad, text in [(rt.GoloMap(), "entrySet"), ("abc", "charAt"), (None, "null"),
                      (42, "not iterable")]:
        with pytest.raises(GoloException, match=text):
            rt.iterate(bad)


def test_destructure(ctx):
    T = rt.Tuple
    assert rt.destructure(T([1, 2]), 2, False) == [1, 2]
    assert rt.destructure(rt.GoloList([1, 2, 3, 4]), 2, True) == [1, rt.GoloList([2, 3, 4])]
    head, rest = rt.destructure(T([7, 8, 9]), 2, True)
    assert head == 7 and type(rest) is rt.Tuple and rest == T([8, 9])
    assert rt.destructure(T([1]), 2, True) == [1, T([])]
    assert rt.destructure(rt.MapEntry("k", "v"), 2, False) == ["k", "v"]
    first, rest = rt.destructure(rt.Range(1, 6), 2, True)
    assert first == 1 and rest == rt.Range(2, 6)
    point = ctx.define_struct("P", ("x", "_secret", "y"))
    assert rt.destructure(point(1, 0, 2), 2, False) == [1, 2]
    for value, n, rest in [(T([1, 2, 3]), 2, False), (T([]), 2, True), ("ab", 2, False),
                           (rt.GoloMap(), 1, False), (rt.MapEntry(1, 2), 3, False)]:
        with pytest.raises(GoloException):
            rt.destructure(value, n, rest)


def test_booleans_are_not_one_and_zero_in_collections(inv):
    s = rt.GoloSet([1, True, 0, False])
    assert len(s) == 4 and list(s) == [1, True, 0, False] and True in s
    m = rt.map_literal([rt.Tuple([1, "one"]), rt.Tuple([True, "yes"])])
    assert len(m) == 2 and m[1] == "one" and m[True] == "yes"
    assert list(m) == [1, True] and rt.render(m) == "{1=one, true=yes}"
    assert inv(m, "get", 1) == "one" and inv(m, "containsKey", False) is False
    assert rt.render(inv(m, "keySet")) == "[1, true]"
    assert not inv(rt.GoloList([1]), "contains", True)
    assert not inv(rt.Tuple([True]), "contains", 1)
    assert inv(rt.GoloList([1.0, True]), "contains", 1)
    assert inv(rt.GoloList([False]), "contains", False)
