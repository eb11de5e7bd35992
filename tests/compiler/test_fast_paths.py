"""Property: the inline fast paths codegen emits (raw Python operators behind type tests,
int-specialised bodies) compute exactly what the runtime's operator helpers compute, for
ints, floats, strings, chars, booleans and null alike (values, result types, and failures)."""
from __future__ import annotations

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
