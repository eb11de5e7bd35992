"""Property tests: the runtime agrees with plain Python where Golo and Python agree."""
from __future__ import annotations

from hypothesis import given, strategies as st

from golo_fast import runtime as rt

ints = st.integers(min_value=-10 ** 30, max_value=10 ** 30)
texts = st.text(max_size=20)


@given(st.lists(ints, max_size=20))
def test_list_rendering(values):
    expected = "[" + ", ".join(str(v) for v in values) + "]"
    assert rt.render(rt.GoloList(values)) == expected
    assert rt.render(rt.Vector(values)) == expected
    assert rt.render(rt.Tuple(values)) == "tuple" + expected


@given(st.dictionaries(texts, ints, max_size=10))
def test_map_rendering_keeps_insertion_order(d):
    m = rt.map_literal([rt.Tuple(item) for item in d.items()])
    assert rt.render(m) == "{" + ", ".join(f"{k}={v}" for k, v in d.items()) + "}"
    assert list(m) == list(d)


@given(ints, ints)
def test_integer_operators(a, b):
    assert rt.add(a, b) == a + b and rt.sub(a, b) == a - b and rt.mul(a, b) == a * b
    assert rt.lt(a, b) == (a < b) and rt.ge(a, b) == (a >= b) and rt.eq(a, b) == (a == b)


@given(texts, st.one_of(ints, texts, st.none(), st.booleans(), st.floats(allow_nan=False)))
def test_string_concatenation_uses_the_rendering(s, value):
    assert rt.add(s, value) == s + rt.render(value)
    assert rt.add(value, s) == rt.render(value) + s


@given(st.lists(st.one_of(ints, st.booleans()), max_size=12))
def test_sets_keep_booleans_apart_from_numbers(values):
    s = rt.GoloSet(values)
    distinct = []
    for v in values:
        if not any(type(d) is type(v) and d == v for d in distinct):
            distinct.append(v)
    assert list(s) == distinct


@given(st.lists(ints, max_size=10), st.integers(min_value=1, max_value=6), st.booleans())
def test_destructuring_counts(values, names, rest):
    t = rt.Tuple(values)
    ok = len(values) >= names - 1 if rest else len(values) == names
    try:
        bound = rt.destructure(t, names, rest)
    except rt.GoloException:
        assert not ok
        return
    assert ok and len(bound) == names
    if rest:
        assert list(bound[:-1]) + list(bound[-1]) == values and type(bound[-1]) is rt.Tuple
    else:
        assert bound == values


def test_self_containing_collections_render():
    lst = rt.GoloList([1])
    lst.append(lst)
    assert rt.render(lst) == "[1, (this Collection)]"
    m = rt.GoloMap()
    m["me"] = m
    assert rt.render(m) == "{me=(this Map)}"


scalars = st.one_of(st.none(), st.booleans(), ints, st.floats(), texts,
                    st.integers(min_value=0, max_value=0x10FFFF).map(rt.Char))
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(rt.GoloList),
        st.lists(inner, max_size=4).map(rt.Vector),
        st.lists(inner, max_size=4).map(rt.Tuple),
        st.lists(inner, max_size=4).map(rt.Array),
        st.lists(scalars, max_size=4).map(rt.GoloSet),
        st.lists(st.tuples(scalars, inner), max_size=4).map(
            lambda pairs: rt.map_literal([rt.Tuple(p) for p in pairs])),
        st.tuples(st.integers(-5, 5), st.integers(-5, 5)).map(lambda b: rt.Range(*b)),
    ),
    max_leaves=8)

OPERATORS = [rt.add, rt.sub, rt.mul, rt.div, rt.mod, rt.lt, rt.le, rt.gt, rt.ge, rt.eq, rt.ne]


@given(values, values)
def test_operators_return_or_raise_golo_errors(a, b):
    for op in OPERATORS:
        try:
            result = op(a, b)
        except rt.GoloException:
            continue
        if op in (rt.lt, rt.le, rt.gt, rt.ge, rt.eq, rt.ne):
            assert type(result) is bool
    assert type(rt.render(a)) is str


@given(values)
def test_every_value_renders_and_answers_object_methods(value):
    ctx = rt.ModuleContext("test.runtime.properties")
    try:
        assert rt.invoke(ctx, value, "toString") == rt.render(value) if value is not None else True
        if value is not None:
            assert rt.invoke(ctx, value, "equals", value) is True or value != value
    finally:
        rt.MODULES.pop("test.runtime.properties", None)
