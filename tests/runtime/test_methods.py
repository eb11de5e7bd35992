"""Built-in methods by receiver type (language.md §17)."""
from __future__ import annotations

import pytest

from golo_fast import runtime as rt
from golo_fast.runtime.exceptions import GoloException

C, T, L, V, A = rt.Char, rt.Tuple, rt.GoloList, rt.Vector, rt.Array
R = rt.render


def test_string_methods(inv):
    assert inv("😀ab", "length") == 3           # code points (golo-fast decision)
    assert inv("", "isEmpty") and not inv("a", "isEmpty")
    assert inv("hello", "contains", "ell") and inv("hello", "startsWith", "he")
    assert inv("hello", "endsWith", "lo") and inv("a", "equals", "a")
    assert not inv("a", "equals", C("a"))
    assert inv("ABC", "equalsIgnoreCase", "abc")
    assert inv("abc", "charAt", 0) == C("a") and type(inv("abc", "charAt", 0)) is C
    assert inv("abc", "charAt", 0) + 1 == 98
    assert inv("hello", "substring", 1) == "ello" and inv("hello", "substring", 1, 3) == "el"
    assert inv("hello", "indexOf", "l") == 2 and inv("hello", "indexOf", "z") == -1
    assert inv("hello", "indexOf", C("e")) == 1 and inv("hello", "lastIndexOf", "l") == 3
    assert inv("Ab", "toUpperCase") == "AB" and inv("Ab", "toLowerCase") == "ab"
    assert inv("  x \t\n", "trim") == "x"
    assert inv("a-b-c", "replace", "-", "+") == "a+b+c"
    assert inv("a1b22c", "replaceAll", "[0-9]+", "#") == "a#b#c"
    assert inv("john smith", "replaceAll", "(\\w+) (\\w+)", "$2 $1") == "smith john"
    assert inv("abc", "matches", "[a-c]+") and not inv("abcd", "matches", "[a-c]+")
    assert inv("b", "compareTo", "a") > 0 and inv("a", "compareTo", "a") == 0
    assert inv("abc", "toString") == "abc"
    assert inv("hello", "hashCode") == 99162322     # Java's "hello".hashCode()
    with pytest.raises(GoloException):
        inv("abc", "charAt", 5)
    with pytest.raises(GoloException):
        inv("abc", "size")                           # strings have no size()


def test_string_split_like_java(inv):
    parts = inv("a,b,,", "split", ",")
    assert type(parts) is A and list(parts) == ["a", "b"]
    assert list(inv("a,b,,c", "split", ",")) == ["a", "b", "", "c"]
    assert list(inv("a1b22c", "split", "[0-9]+")) == ["a", "b", "c"]
    assert list(inv("abc", "split", "")) == ["a", "b", "c"]
    assert list(inv("", "split", ",")) == [""]
    assert R(inv(inv("x y", "split", " "), "asList")) == "[x, y]"


def test_string_standard_augmentations(inv):
    assert inv("%s has %d items, %.2f%% done%n", "format", "list", 3, 42.5) == \
        "list has 3 items, 42.50% done\n"
    assert inv("[%5d|%-5s|%05d|%x|%b|%c|%,d]", "format", 42, "ab", 42, 255, True, C("z"),
               1234567) == "[   42|ab   |00042|ff|true|z|1,234,567]"
    assert inv("%e", "format", 12345.678) == "1.234568e+04"
    assert inv("%s", "format", L([1])) == "[1]"
    assert inv("42", "toInt") == 42 and inv("-7", "toInteger") == -7
    assert inv("2.5", "toDouble") == 2.5 and inv("1e3", "toFloat") == 1000.0
    e = pytest.raises(GoloException, inv, "x1", "toInt").value
    assert e.kind == "java.lang.NumberFormatException" and e.message == 'For input string: "x1"'
    assert inv("abc", "head") == C("a") and inv("", "head") is None
    assert inv("abc", "tail") == "bc"


def test_list_java_methods(inv):
    lst = L([1, 2, 3])
    assert inv(lst, "size") == 3 and not inv(lst, "isEmpty") and inv(L(), "isEmpty")
    assert inv(lst, "get", 0) == 1
    assert inv(lst, "set", 0, 10) == 1 and lst[0] == 10
    assert inv(lst, "add", 4) is True and lst == [10, 2, 3, 4]
    inv(lst, "add", 0, 0)
    assert lst == [0, 10, 2, 3, 4]
    assert inv(lst, "contains", 10) and inv(lst, "indexOf", 2) == 2
    assert inv(lst, "lastIndexOf", 99) == -1
    assert inv(lst, "remove", 0) == 0 and lst == [10, 2, 3, 4]     # an int is an index
    assert inv(L(["a", "b"]), "remove", "b") is True
    assert inv(lst, "subList", 1, 3) == L([2, 3])
    inv(lst, "addAll", L([5]))
    assert lst == [10, 2, 3, 4, 5]
    inv(lst, "clear")
    assert lst == []
    for bad in (3, -1, "0"):
        e = pytest.raises(GoloException, inv, L([1, 2]), "get", bad).value
        assert e.kind in ("java.lang.IndexOutOfBoundsException", "java.lang.ClassCastException")


def test_list_standard_augmentations_keep_the_kind(inv):
    vec = V([3, 1, 2])
    doubled = inv(vec, "map", lambda x: x * 2)
    assert type(doubled) is V and doubled == [6, 2, 4]
    assert type(inv(L([1, 2, 3]), "filter", lambda x: x > 1)) is L
    assert inv(L([1, 2, 3]), "reduce", 0, lambda acc, x: acc + x) == 6
    seen = []
    assert inv(vec, "each", seen.append) is vec and seen == [3, 1, 2]
    assert inv(vec, "count", lambda x: x > 1) == 2
    assert inv(vec, "exists", lambda x: x == 1) and not inv(vec, "exists", lambda x: x == 9)
    assert inv(vec, "find", lambda x: x < 3) == 1 and inv(vec, "find", lambda x: x > 9) is None
    assert inv(L([1, 2]), "flatMap", lambda x: L([x, x])) == L([1, 1, 2, 2])
    assert inv(L([1, "a", None]), "join", ", ") == "1, a, null" and inv(L(), "join", "-") == ""
    assert inv(vec, "ordered") == [1, 2, 3] and vec == [3, 1, 2]
    assert inv(vec, "order") is vec and vec == [1, 2, 3]
    assert inv(vec, "ordered", lambda a, b: b - a) == [3, 2, 1]
    assert inv(vec, "reversed") == [3, 2, 1] and vec == [1, 2, 3]
    assert inv(vec, "reverse") is vec and vec == [3, 2, 1]
    lst = L([1])
    assert inv(lst, "append", 2) is lst and inv(lst, "append", 3, 4) is lst
    assert inv(lst, "prepend", 0) is lst and inv(lst, "insert", 1, 9) is lst
    assert lst == [0, 9, 1, 2, 3, 4]
    assert inv(lst, "removeAt", 1) == 9
    assert inv(lst, "head") == 0 and inv(lst, "last") == 4 and inv(L(), "head") is None
    assert R(inv(lst, "tail")) == "[1, 2, 3, 4]"
    with pytest.raises(GoloException):
        inv(L([1, "a"]), "ordered")
    with pytest.raises(GoloException, match="Boolean"):
        inv(L([1]), "filter", lambda x: 1)


def test_set_methods(inv):
    s = rt.GoloSet([1, 2])
    assert inv(s, "size") == 2 and inv(s, "contains", 1) and not inv(s, "isEmpty")
    assert inv(s, "add", 3) is True and inv(s, "add", 3) is False
    assert inv(s, "remove", 3) is True
    assert inv(s, "include", 5) is s and inv(s, "include", 6, 7) is s
    assert inv(s, "exclude", 6, 7) is s and R(s) == "[1, 2, 5]"
    assert inv(s, "has", 5)
    assert type(inv(s, "map", lambda x: x % 2)) is rt.GoloSet
    assert R(inv(s, "map", lambda x: x % 2)) == "[1, 0]"
    assert R(inv(s, "filter", lambda x: x > 1)) == "[2, 5]"
    assert inv(s, "reduce", 0, lambda a, x: a + x) == 8


def test_map_methods(inv):
    m = rt.map_literal([T(["a", 1]), T(["b", 2])])
    assert inv(m, "get", "a") == 1 and inv(m, "get", "zz") is None
    assert inv(m, "put", "c", 3) is None and inv(m, "put", "c", 4) == 3
    assert inv(m, "containsKey", "c") and inv(m, "containsValue", 4)
    assert inv(m, "remove", "c") == 4 and inv(m, "size") == 2
    assert R(inv(m, "keySet")) == "[a, b]" and R(inv(m, "values")) == "[1, 2]"
    entries = list(inv(m, "entrySet"))
    assert inv(entries[0], "getKey") == "a" and inv(entries[0], "value") == 1
    assert inv(entries[0], "key") == "a" and inv(entries[0], "getValue") == 1
    inv(entries[0], "setValue", 10)
    assert m["a"] == 10
    assert inv(m, "add", "x", 0) is m and inv(m, "add", T(["y", 1])) is m
    assert inv(m, "delete", "x") is m and "x" not in m
    assert inv(m, "getOrElse", "nope", "dflt") == "dflt"
    assert inv(m, "getOrElse", "nope", lambda: "computed") == "computed"
    m["n"] = None
    assert inv(m, "getOrElse", "n", 7) == 7
    assert inv(m, "addIfAbsent", "n", 8) is m and m["n"] == 8
    assert inv(m, "addIfAbsent", "n", 9) is m and m["n"] == 8
    small = rt.map_literal([T(["a", 1]), T(["b", 2])])
    assert R(inv(small, "filter", lambda k, v: v > 1)) == "{b=2}"
    assert R(inv(small, "map", lambda k, v: rt.MapEntry(k + k, v * 10))) == "{aa=10, bb=20}"
    assert inv(small, "reduce", 0, lambda acc, k, v: acc + v) == 3
    assert R(inv(small, "find", lambda k, v: v == 2)) == "b=2"
    assert inv(small, "count", lambda k, v: True) == 2 and inv(small, "exists", lambda k, v: v > 1)
    seen = []
    assert inv(small, "each", lambda k, v: seen.append(k)) is small and seen == ["a", "b"]
    inv(small, "putAll", rt.map_literal([T(["c", 3])]))
    assert R(small) == "{a=1, b=2, c=3}"


def test_tuple_methods(inv):
    t = T([1, 2, 3])
    assert inv(t, "size") == 3 and inv(t, "get", 1) == 2 and inv(t, "head") == 1
    assert inv(t, "tail") == T([2, 3]) and inv(t, "subTuple", 0, 2) == T([1, 2])
    assert inv(t, "extend", 4, 5) == T([1, 2, 3, 4, 5]) and type(inv(t, "toArray")) is A
    assert type(inv(t, "map", lambda x: x)) is T and inv(t, "join", "/") == "1/2/3"
    assert inv(t, "filter", lambda x: x != 2) == T([1, 3])
    e = pytest.raises(GoloException, inv, T([1, 2]), "get", 5).value
    assert e.message == "5 is outside the bounds of a 2-tuple"


def test_array_methods(inv):
    a = A([1, 2, 3])
    assert inv(a, "length") == 3 and inv(a, "size") == 3 and inv(a, "get", 0) == 1
    inv(a, "set", 0, 9)
    assert a[0] == 9 and inv(a, "head") == 9 and inv(a, "tail") == A([2, 3])
    assert inv(a, "contains", 2) and inv(a, "indexOf", 3) == 2
    assert type(inv(a, "asList")) is L and inv(a, "toString") == "[9, 2, 3]"
    assert inv(a, "equals", A([9, 2, 3]))
    with pytest.raises(GoloException):
        inv(a, "get", 3)


def test_range_methods(inv):
    r = rt.Range(1, 5)
    assert inv(r, "from") == 1 and inv(r, "to") == 5 and inv(r, "increment") == 1
    assert inv(r, "size") == 4 and not inv(r, "isEmpty") and inv(rt.Range(3, 3), "isEmpty")
    assert inv(r, "contains", 4) and not inv(r, "contains", 5)
    assert inv(r, "encloses", 2)
    assert R(inv(r, "incrementBy", 2)) == "range(1,5):incrementBy(2)"
    assert list(inv(rt.Range(5, 0), "decrementBy", 1)) == [5, 4, 3, 2, 1]
    assert R(inv(r, "reversed")) == "range(5,1):incrementBy(-1)"
    assert inv(r, "reduce", 0, lambda a, x: a + x) == 10
    assert R(inv(r, "map", lambda x: x * x)) == "[1, 4, 9, 16]"
    assert inv(r, "join", ",") == "1,2,3,4"
    assert inv(rt.Range(C("a"), C("c")), "from") == C("a")


def test_number_methods(inv):
    seen = []
    inv(3, "times", lambda: seen.append("x"))
    inv(3, "times", seen.append)
    assert seen == ["x", "x", "x", 0, 1, 2]
    seen.clear()
    inv(1, "upTo", 3, seen.append)
    inv(3, "downTo", 1, seen.append)
    assert seen == [1, 2, 3, 3, 2, 1]
    assert inv(3.99, "intValue") == 3 and inv(3, "doubleValue") == 3.0
    assert inv(2, "compareTo", 5) < 0 and inv(42, "toString") == "42"
    assert inv(1.5, "toString") == "1.5" and inv(7, "equals", 7.0)
    assert inv(C("a"), "charValue") == C("a") and inv(True, "toString") == "true"


def test_box(inv):
    b = rt.PREDEFINED["box"](1)
    assert inv(b, "get") == 1
    assert inv(b, "set", 2) is None and inv(b, "get") == 2
    assert inv(b, "getAndSet", 3) == 2 and R(b) == "3"
    assert inv(b, "compareAndSet", 3, 4) and inv(b, "get") == 4


def test_object_methods_everywhere(inv):
    assert inv(L([1]), "toString") == "[1]" and inv(None if False else 1, "equals", 1)
    assert inv(T([1]), "getClass") == rt.class_literal("gololang.Tuple")
    assert inv(inv("s", "getClass"), "getName") == "java.lang.String"
    assert isinstance(inv(L([1]), "hashCode"), int)


def test_function_reference_methods(inv):
    def add(a, b):
        return a + b

    def double(x):
        return x * 2

    def total(*numbers):
        return sum(rt.varargs(numbers))

    assert inv(add, "arity") == 2 and inv(total, "arity") == 1
    assert inv(lambda: 0, "arity") == 0 and inv(total, "isVarargsCollector")
    assert inv(add, "invoke", 1, 2) == 3
    assert inv(add, "invoke", A([1, 2])) == 3        # a single array is spread
    assert inv(total, "invoke", A([10, 20, 30])) == 60
    inc = inv(add, "bindTo", 1)
    assert inc(41) == 42 and inv(inc, "arity") == 1
    assert inv(add, "bindAt", 1, 10)(1) == 11
    assert inv(lambda a, b: a - b, "bindAt", "b", 1)(10) == 9
    assert inv(double, "andThen", inc)(5) == 11
    assert inv(double, "compose", inc)(5) == 12
    assert inv(add, "acceptArity", 2) and not inv(add, "acceptArity", 3)
    with pytest.raises(GoloException):
        inv(add, "bindAt", 5, 0)
    with pytest.raises(GoloException, match="takes 2 argument"):
        inv(add, "invoke", 1)


def test_exception_methods(inv):
    cause = rt.GoloException("java.lang.IllegalStateException", "inner")
    e = rt.GoloException("java.lang.RuntimeException", "outer", cause)
    assert inv(e, "getMessage") == "outer" and inv(e, "getCause") is cause
    assert inv(e, "toString") == "java.lang.RuntimeException: outer"
    assert inv(inv(e, "getClass"), "getName") == "java.lang.RuntimeException"
    from golo_fast.errors import WasmTrap
    trap = WasmTrap("unreachable")
    assert inv(trap, "getMessage") == "unreachable" and inv(trap, "getCause") is None


def test_dynamic_object(inv):
    o = rt.PREDEFINED["DynamicObject"]()
    assert inv(o, "name", "Ann") is o and inv(o, "name") == "Ann"
    inv(o, "define", "greet", lambda this, who: f"{who} meets {inv(this, 'name')}")
    assert inv(o, "greet", "Bob") == "Bob meets Ann"
    assert inv(o, "missing") is None and inv(o, "get", "name") == "Ann"
    assert inv(o, "hasMethod", "greet") and not inv(o, "hasMethod", "name")
    assert R(o) == "DynamicObject{name=Ann}"
    copy = inv(o, "copy")
    inv(o, "freeze")
    with pytest.raises(GoloException, match="frozen"):
        inv(o, "name", "Zed")
    assert inv(copy, "name", "Zed") is copy


def test_tail_and_unmodifiable_view_are_read_only(inv):
    lst = L([1, 2, 3])
    rest = inv(lst, "tail")
    assert R(rest) == "[2, 3]" and rest == L([2, 3]) and inv(rest, "size") == 2
    assert inv(rest, "get", 0) == 2 and type(inv(rest, "map", lambda x: x)) is L
    assert inv(inv(rest, "tail"), "head") == 3
    for name, args in [("add", (4,)), ("append", (4,)), ("set", (0, 1)), ("removeAt", (0,)),
                       ("clear", ())]:
        e = pytest.raises(GoloException, inv, rest, name, *args).value
        assert e.kind == "java.lang.UnsupportedOperationException"
    with pytest.raises(GoloException):
        rest.append(4)
    view = inv(lst, "unmodifiableView")
    assert R(view) == "[1, 2, 3]" and rt.oftype(view, rt.class_literal("java.util.List"))
    with pytest.raises(GoloException):
        inv(view, "add", 1)
    assert lst == L([1, 2, 3])


def test_strings_have_no_reverse(inv):
    with pytest.raises(GoloException):
        inv("abc", "reverse")


def test_entry_set_is_a_live_view(inv):
    m = rt.map_literal([T(["a", 1]), T(["b", 2])])
    entries = inv(m, "entrySet")
    assert R(entries) == "[a=1, b=2]" and inv(entries, "size") == 2
    assert inv(entries, "contains", rt.MapEntry("a", 1))
    assert not inv(entries, "contains", rt.MapEntry("a", 2))
    assert rt.oftype(entries, rt.class_literal("java.util.Set"))
    assert type(inv(entries, "map", lambda e: e.key)) is rt.GoloSet
    assert entries == rt.GoloSet([rt.MapEntry("a", 1), rt.MapEntry("b", 2)])
    m["c"] = 3
    assert inv(entries, "size") == 3
    assert inv(entries, "remove", rt.MapEntry("c", 3)) and "c" not in m
    with pytest.raises(GoloException):
        inv(entries, "add", rt.MapEntry("z", 0))
    for e in rt.iterate(entries):
        inv(e, "setValue", 0)
    assert R(m) == "{a=0, b=0}"
    k, v = rt.destructure(next(iter(entries)), 2, False)
    assert (k, v) == ("a", 0)


def test_iterators(inv):
    for coll in (L([1, 2]), T([1, 2]), A([1, 2]), rt.Range(1, 3), rt.GoloSet([1, 2])):
        it = inv(coll, "iterator")
        seen = []
        while inv(it, "hasNext"):
            seen.append(inv(it, "next"))
        assert seen == [1, 2]
        with pytest.raises(GoloException):
            inv(it, "next")
    assert list(rt.iterate(inv(L([3, 4]), "iterator"))) == [3, 4]


def test_is_one_of(inv):
    assert inv("s", "isOneOf", rt.class_literal("Integer"), rt.class_literal("String"))
    assert not inv(1.5, "isOneOf", rt.class_literal("Integer"))


@pytest.mark.parametrize("pattern, args, text", [
    ("%.2f", (2.675,), "2.68"),            # Java rounds Double.toString's digits half-up
    ("%.2f", (0.125,), "0.13"),
    ("%.0f", (2.5,), "3"),
    ("%g", (1.5,), "1.50000"),             # Java's %g keeps trailing zeros
    ("%g", (123456789.0,), "1.23457e+08"),
    ("%.3g", (3.14159,), "3.14"),
    ("%,.2f", (1234567.891,), "1,234,567.89"),
    ("%08.3f", (-3.5,), "-003.500"),
    ("%+d|% d|%(d", (5, 5, -5), "+5| 5|(5)"),
    ("%X|%o|%#x", (255, 8, 255), "FF|10|0xff"),
    ("%x", (-1,), "ffffffff"),
    ("%S|%B", ("ab", None), "AB|FALSE"),
    ("%2$s %1$s", ("a", "b"), "b a"),
    ("%s %<s", ("x",), "x x"),
    ("%.3s|%5.1s|", ("abcdef", "xyz"), "abc|    x|"),
    ("100%%", (), "100%"),
    ("%s", (None,), "null"),
    ("%f", (float("inf"),), "Infinity"),
])
def test_string_format_like_java(inv, pattern, args, text):
    assert inv(pattern, "format", *args) == text


def test_string_format_errors(inv):
    with pytest.raises(GoloException, match="Format specifier"):
        inv("%s %s", "format", "one")
    with pytest.raises(GoloException):
        inv("%d", "format", "not a number")
    with pytest.raises(GoloException):
        inv("%q", "format", 1)
