"""Property: the inline fast paths codegen emits (raw Python operators behind type tests,
int-specialised bodies) compute exactly what the runtime's operator helpers compute, for
ints, floats, strings, chars, booleans and null alike (values, result types, and failures)."""
from __future__ import annotations

import ast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from golo_fast import api
from golo_fast import runtime as rt

OPS = {"+": rt.add, "-": rt.sub, "*": rt.mul, "/": rt.div, "%": rt.mod, "<": rt.lt,
       "<=": rt.le, ">": rt.gt, ">=": rt.ge, "==": rt.eq, "!=": rt.ne}
NAMES = ("a", "b", "c")

literals = st.one_of(
    st.integers(-20, 20).map(lambda i: (str(i) if i >= 0 else f"({i})", i)),
    st.sampled_from([("2.5", 2.5), ('"s"', "s"), ("'x'", rt.Char("x")), ("null", None),
                     ("true", True)]),
)
leaves = st.one_of(st.sampled_from(NAMES).map(lambda n: (n, n)), literals)


def extend(children):
    return st.tuples(st.sampled_from(sorted(OPS)), children, children).map(
        lambda t: (f"({t[1][0]} {t[0]} {t[2][0]})", (t[0], t[1][1], t[2][1])))


expressions = st.recursive(leaves, extend, max_leaves=6)
values = st.one_of(st.integers(-50, 50), st.sampled_from([0, 1, -1, 7]),
                   st.floats(-10, 10, allow_nan=False).map(lambda f: round(f, 2)),
                   st.sampled_from(["", "ab", rt.Char("q"), True, None]))


def reference(tree, env):
    if isinstance(tree, tuple) and len(tree) == 3 and tree[0] in OPS:
        op, left, right = tree
        return OPS[op](reference(left, env), reference(right, env))
    if isinstance(tree, str) and tree in NAMES:
        return env[tree]
    return tree


def outcome(fn, *args):
    try:
        value = fn(*args)
    except Exception:  # any failure: the two sides must both fail
        return ("error",)
    return ("value", type(value), repr(value) if isinstance(value, float) else value)


_compiled: dict = {}


def golo_function(source: str, form: str):
    key = (source, form)
    if key not in _compiled:
        if form == "compact":
            text = f"module p\nfunction f = |a, b, c| -> {source}\n"
        else:
            text = (f"module p\nfunction f = |a, b, c| {{\n  var r = null\n"
                    f"  foreach i in [1..1] {{ r = {source} }}\n  return r\n}}\n")
        namespace: dict = {}
        exec(api.compile_source(text, "p.golo").code, namespace)
        _compiled[key] = namespace["f__3"]
    return _compiled[key]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(expressions, values, values, values, st.sampled_from(["compact", "block"]))
def test_fast_paths_agree_with_runtime_helpers(expr, a, b, c, form):
    source, tree = expr
    env = {"a": a, "b": b, "c": c}
    expected = outcome(reference, tree, env)
    got = outcome(golo_function(source, form), a, b, c)
    assert got == expected, (source, env)


# -- string appends: `s = s + a + b` while `s` holds a string ------------------------------

APPEND = """module p
function f = |s, a, b| {
  var r = ""
  r = s
  r = r + a + b
  return r
}
function g = |s, n| {
  var r = s
  foreach i in range(0, n) { r = r + i + "," }
  return r
}
"""


def _module(text: str) -> dict:
    namespace: dict = {}
    exec(api.compile_source(text, "p.golo").code, namespace)
    return namespace


@settings(max_examples=200, deadline=None)
@given(values, values, values)
def test_string_append_agrees_with_runtime_add(s, a, b):
    f = _module(APPEND)["f__3"]
    assert outcome(f, s, a, b) == outcome(lambda: rt.add(rt.add(s, a), b))


def test_string_append_extends_in_place():
    # CPython extends `r = r + t` in place when `r` is a local string: the emitted code
    # keeps that form (linear time), with the appended renderings joined first.
    python = ast.unparse(api.compile_source(APPEND, "p.golo").python_ast)
    assert "r = r + (_str(i) + ',')" in python
    namespace = _module(APPEND)
    assert namespace["g__2"]("", 4) == "0,1,2,3,"
    assert namespace["g__2"](7, 2) == "7,1,"        # 7 + 0 is 7: the general `+` first


# -- method call sites ----------------------------------------------------------------------

SITES = """module p
function size = |x| -> x: size()
function put = |m, k, v| {
  m: put(k, v)
  return m
}
function add = |l, v| {
  l: add(v)
  return l
}
function locals = |k| {
  let m = map[]
  m: put(k, 1)
  m: put(1, 2)
  let l = list[]
  l: add(k)
  return [m, l]
}
function entries = |m| {
  var out = list[]
  foreach e in m: entrySet() {
    out: add(e: getKey())
    out: add(e: value())
  }
  return out
}
function twice = |l| -> l: map(|x| -> x * 2)
"""


def test_call_sites_follow_the_receiver_kind():
    ns = _module(SITES)
    size = ns["size__1"]
    kinds = [rt.GoloList([1, 2]), rt.Tuple([1]), rt.Array([1, 2, 3]), rt.Vector([]),
             rt.GoloMap({1: 2}), rt.GoloList([1, 2])]
    assert [size(x) for x in kinds] == [2, 1, 3, 0, 1, 2]
    with pytest.raises(rt.GoloException):
        size(None)


def test_put_and_add_statements_keep_booleans_and_results():
    ns = _module(SITES)
    m = ns["put__3"](rt.GoloMap(), 1, "a")
    ns["put__3"](m, True, "b")
    assert dict.__len__(m) == 2 and m[1] == "a" and m[True] == "b"
    s = ns["add__2"](rt.GoloSet([]), 1)
    assert list(ns["add__2"](s, 1)) == [1]          # a set's own add, not append
    assert list(ns["add__2"](rt.GoloList([]), 5)) == [5]
    for key in (True, 1, "k", 2.5, None):
        m, l = ns["locals__1"](key)
        assert list(l) == [key]
        assert m[key] == (2 if key == 1 and key is not True else 1)
    m, _ = ns["locals__1"](True)
    assert dict.__len__(m) == 2                       # true and 1 are two keys


def test_entry_accessors_and_other_receivers():
    ns = _module(SITES)
    assert list(ns["entries__1"](rt.GoloMap({True: 1, "a": None}))) == [True, 1, "a", None]
    with pytest.raises(rt.GoloException):
        ns["entries__1"](rt.GoloMap({1: 2}).keys())


def test_call_sites_see_augmentations_registered_later():
    ns = _module(SITES)
    twice = ns["twice__1"]
    assert list(twice(rt.GoloList([1, 2]))) == [2, 4]
    ns["_ctx"].augment("java.util.List", {"map": lambda this, f: "mine"})
    assert twice(rt.GoloList([1, 2])) == "mine"       # a standard augmentation, shadowed


@pytest.mark.parametrize("bounds,expected", [((3,), [0, 1, 2]), ((2, 5), [2, 3, 4]),
                                             ((5, 2), []), ((-2, 1), [-2, -1, 0])])
def test_foreach_over_int_ranges(bounds, expected):
    params = ", ".join("ab"[:len(bounds)])
    text = (f"module p\nfunction f = |{params}| {{\n  let out = list[]\n"
            f"  foreach i in range({params}) {{ out: add(i) }}\n  return out\n}}\n")
    f = _module(text)[f"f__{len(bounds)}"]
    assert list(f(*bounds)) == expected
    if len(bounds) == 2:
        assert list(f(rt.Char("a"), rt.Char("c"))) == [rt.Char("a"), rt.Char("b")]


PAIRS = """module p
function sums = |m| {
  var out = list[]
  foreach e in m: entrySet() when e: getValue() != 0 {
    out: add(e: key())
    out: add(e: getValue())
  }
  return out
}
function seen = |m| {
  var out = list[]
  foreach e in m: entrySet() { out: add(e) }
  return out
}
function grows = |m| {
  foreach e in m: entrySet() { m: put(e: getKey() + "!", 1) }
  return m
}
"""


def test_entry_loops_that_only_read_keys_and_values():
    ns = _module(PAIRS)
    m = rt.GoloMap([(True, 1), (1, 2), ("z", 0), (None, 3)])
    assert list(ns["sums__1"](m)) == [True, 1, 1, 2, None, 3]
    python = ast.unparse(api.compile_source(PAIRS, "p.golo").python_ast)
    assert python.count("key_value_pairs") == 2       # `seen` keeps its entries
    assert [type(e) for e in ns["seen__1"](rt.GoloMap({1: 2}))] == [rt.MapEntry]
    with pytest.raises(RuntimeError):                   # as the entries' walk would
        ns["grows__1"](rt.GoloMap({"a": 1}))
    with pytest.raises(rt.GoloException):               # not a map: the general loop
        ns["sums__1"](rt.GoloList([1]))
