"""Method dispatch and augmentations (§14, §16), calls by name, function references."""
from __future__ import annotations

import pytest

from golo_fast import runtime as rt
from golo_fast.runtime.exceptions import GoloException

L, T = rt.GoloList, rt.Tuple


def test_native_method_wins_over_augmentation(ctx, inv):
    ctx.augment("java.lang.String", {"length": lambda this: -1, "shout": lambda this: this + "!"})
    assert inv("abc", "length") == 3 and inv("hey", "shout") == "hey!"


def test_most_specific_type_wins_whatever_the_order(ctx, inv):
    ctx.augment("java.lang.Object", {"kind": lambda this: "object"})
    ctx.augment("java.util.Collection", {"kind": lambda this: "collection"})
    ctx.augment("java.util.List", {"kind": lambda this: "list"})
    ctx.augment("java.lang.CharSequence", {"kind": lambda this: "chars"})
    ctx.augment("java.lang.Number", {"kind": lambda this: "number"})
    assert inv(L(), "kind") == "list" and inv(rt.Vector(), "kind") == "list"
    assert inv(rt.GoloSet(), "kind") == "collection" and inv(rt.Range(1, 2), "kind") == "collection"
    assert inv("s", "kind") == "chars" and inv(1.5, "kind") == "number"
    assert inv(2 ** 70, "kind") == "number" and inv(True, "kind") == "object"
    assert inv(T(), "kind") == "object"


def test_short_type_names_are_accepted(ctx, inv):
    ctx.augment("String", {"twice": lambda this: this * 2})
    ctx.augment("Tuple", {"second": lambda this: this[1]})
    assert inv("ab", "twice") == "abab" and inv(T([1, 2]), "second") == 2


def test_augmentation_arity_and_varargs(ctx, inv):
    def join_all(this, *parts):
        return this + "".join(rt.varargs(parts))
    ctx.augment("java.lang.String", {"joinAll": join_all, "pad": lambda this, n: this + "." * n})
    assert inv("a", "joinAll") == "a" and inv("a", "joinAll", "b", "c") == "abc"
    assert inv("a", "pad", 2) == "a.."
    with pytest.raises(GoloException, match="pad"):
        inv("a", "pad")


def test_named_augmentations_in_with_order(ctx, inv):
    point = ctx.define_struct("Point", ("x", "y"))
    ctx.define_augmentation("Greeter", {"greet": lambda this: "hello", "who": lambda this: "G"})
    ctx.define_augmentation("Other", {"who": lambda this: "O", "other": lambda this: 1})
    ctx.augment_with("Point", ["Greeter", "Other"])
    p = point(1, 2)
    assert inv(p, "greet") == "hello" and inv(p, "who") == "G" and inv(p, "other") == 1


def test_plain_augment_beats_named_augmentation(ctx, inv):
    ctx.define_augmentation("Named", {"m": lambda this: "named"})
    ctx.augment_with("java.lang.String", ["Named"])
    ctx.augment("java.lang.String", {"m": lambda this: "plain"})
    assert inv("x", "m") == "plain"


def test_user_augmentation_redefines_standard_augmentation(ctx, inv):
    assert inv(L([1, 2]), "join", "-") == "1-2"
    ctx.augment("java.util.List", {"join": lambda this, sep: "custom"})
    assert inv(L([1, 2]), "join", "-") == "custom"


def test_augmentations_of_imported_modules(ctx, inv):
    other = rt.ModuleContext(ctx.name + "Lib")
    other.augment("java.lang.String", {"fromLib": lambda this: "lib " + this})
    other.define_augmentation("Shared", {"shared": lambda this: "shared"})
    try:
        with pytest.raises(GoloException):
            inv("x", "fromLib")
        ctx.import_module(other.name)
        assert inv("x", "fromLib") == "lib x"
        ctx.augment_with("java.lang.String", ["Shared"])
        assert inv("x", "shared") == "shared"
    finally:
        rt.MODULES.pop(other.name)


def test_fallback_augmentation(ctx, inv):
    ctx.augment("java.lang.String", {
        "fallback": lambda this, name, *args: f"{name}{list(rt.varargs(args))} on {this}"})
    assert inv("s", "anything", 1, 2) == "anything[1, 2] on s"
    assert inv("s", "length") == 1


def test_struct_augmentation_and_accessors(ctx, inv):
    point = ctx.define_struct("Point", ("x", "y"))
    ctx.augment("Point", {"norm1": lambda this: inv(this, "x") + inv(this, "y")})
    p = point(3, 4)
    assert inv(p, "norm1") == 7
    assert inv(inv(inv(point(), "x", 5), "y", 6), "norm1") == 11


def test_private_struct_members_only_in_their_module(ctx, inv):
    account = ctx.define_struct("Account", ("owner", "_pin"))
    acct = account("ann", 1234)
    assert inv(acct, "_pin") == 1234
    stranger = rt.ModuleContext(ctx.name + "Stranger")
    try:
        with pytest.raises(GoloException, match="_pin"):
            rt.invoke(stranger, acct, "_pin")
        assert rt.invoke(stranger, acct, "owner") == "ann"
    finally:
        rt.MODULES.pop(stranger.name)


def test_no_such_method_names_type_and_method(ctx, inv, golo_error):
    e = golo_error(inv, "text", "fooBar")
    assert e.kind == "java.lang.NoSuchMethodError"
    assert "java.lang.String" in e.message and "fooBar" in e.message
    e = golo_error(inv, L([1]), "get", 0, 1, 2)
    assert e.message == "class java.util.LinkedList::get (`get` takes 1 argument(s), called with 3)"


def test_method_on_null(ctx, inv, golo_error):
    e = golo_error(inv, None, "length")
    assert e.kind == "java.lang.NullPointerException" and "length" in e.message
    assert rt.invoke_safe(ctx, None, "length") is None
    assert rt.invoke_safe(ctx, "ab", "length") == 2


def test_lookups_are_cached_and_invalidated(ctx, inv):
    assert inv("x", "toString") == "x"
    assert (str, "toString", 0) in ctx._methods
    ctx.augment("java.lang.String", {"late": lambda this: "late"})
    assert (str, "toString", 0) not in ctx._methods
    assert inv("x", "late") == "late"


# -- calls by name ---------------------------------------------------------------------------

def test_call_module_functions_and_overloads(ctx):
    ctx.define_function("f", 1, False, lambda a: ("one", a))
    ctx.define_function("f", 1, True, lambda a, *rest: ("varargs", a, list(rest)))
    ctx.define_function("f", 2, False, lambda a, b: ("two", a, b))
    assert rt.call(ctx, "f", 1) == ("one", 1)
    assert rt.call(ctx, "f", 1, 2) == ("two", 1, 2)
    assert rt.call(ctx, "f", 1, 2, 3) == ("varargs", 1, [2, 3])


def test_call_predefined_and_unknown(ctx, golo_error, capsys):
    rt.call(ctx, "println", "hi")
    assert capsys.readouterr().out == "hi\n"
    e = golo_error(rt.call, ctx, "doesNotExist", 1)
    assert e.kind == "java.lang.NoSuchMethodError" and "doesNotExist" in e.message
    ctx.define_function("pair", 2, False, lambda a, b: (a, b))
    e = golo_error(rt.call, ctx, "pair", 1)
    assert "pair" in e.message and "takes 2" in e.message


def test_call_through_imports(ctx, golo_error):
    lib = rt.ModuleContext("test.runtime.lib.Tools")
    try:
        lib.define_function("helper", 0, False, lambda: "public")
        lib.define_function("hiddenHelper", 0, False, lambda: "private", local=True)
        ctx.import_module("test.runtime.lib.Tools")
        assert rt.call(ctx, "helper") == "public"
        assert "hiddenHelper" in golo_error(rt.call, ctx, "hiddenHelper").message
        assert rt.call(ctx, "Tools.helper") == "public"
        assert rt.call(ctx, "test.runtime.lib.Tools.helper") == "public"
        assert rt.call(ctx, "test.runtime.lib.Tools::helper") == "public"
        assert rt.funref(ctx, "test.runtime.lib.Tools::helper", None)() == "public"
    finally:
        rt.MODULES.pop(lib.name)


def test_first_import_wins_and_module_loader(ctx):
    first = rt.ModuleContext("test.runtime.First")
    second = rt.ModuleContext("test.runtime.Second")
    first.define_function("who", 0, False, lambda: "first")
    second.define_function("who", 0, False, lambda: "second")
    loaded = []

    def loader(name, importer):
        loaded.append((name, importer))
        if name == "test.runtime.Lazy":
            lazy = rt.ModuleContext(name)
            lazy.define_function("lazy", 0, False, lambda: "lazy")
            return lazy
        return None
    try:
        ctx.import_module("test.runtime.First")
        ctx.import_module("test.runtime.Second")
        ctx.import_module("test.runtime.Missing")
        ctx.import_module("test.runtime.Lazy")
        rt.set_module_loader(loader)
        assert rt.call(ctx, "who") == "first"
        assert rt.call(ctx, "lazy") == "lazy"
        assert ("test.runtime.Lazy", ctx) in loaded
    finally:
        rt.set_module_loader(None)
        for name in ("test.runtime.First", "test.runtime.Second", "test.runtime.Lazy"):
            rt.MODULES.pop(name, None)


def test_call_named(ctx, golo_error):
    def full_name(first, last):
        return f"{first} {last}"
    ctx.define_function("fullName", 2, False, full_name)
    assert rt.call_named(ctx, "fullName", {"last": "Hopper", "first": "Grace"}) == "Grace Hopper"
    e = golo_error(rt.call_named, ctx, "fullName", {"first": "a", "nope": "b"})
    assert "nope" in e.message

    def mangled(a_, b_):
        return a_ - b_
    mangled._golo_params = ("from", "to")
    assert rt.call_value_named(mangled, {"to": 1, "from": 10}) == 9


def test_funref(ctx, golo_error):
    ctx.define_function("one", 1, False, lambda a: 1)
    ctx.define_function("two", 1, False, lambda a: 1)
    ctx.define_function("two", 2, False, lambda a, b: 2)
    ctx.define_function("va", 1, True, lambda a, *rest: len(rest))
    assert rt.funref(ctx, "one", None)(0) == 1
    assert rt.funref(ctx, "two", 2)(0, 0) == 2 and rt.funref(ctx, "two", 1)(0) == 1
    assert rt.funref(ctx, "va", 2, True)(0, 1, 2) == 2
    assert rt.funref(ctx, "va", 1, True)(0) == 0
    assert "ambiguous" in golo_error(rt.funref, ctx, "two", None).message
    assert rt.funref(ctx, "println", None) is rt.PREDEFINED["println"]


def test_struct_factories_registered_in_context(ctx, golo_error):
    point = ctx.define_struct("Point", ("x", "y"))
    assert rt.render(rt.call(ctx, "Point")) == "struct Point{x=null, y=null}"
    assert rt.call(ctx, "Point", 1, 2).x == 1
    frozen = rt.call(ctx, "ImmutablePoint", 1, 2)
    assert rt.invoke(ctx, frozen, "isFrozen") and isinstance(frozen, point)
    assert "Point" in golo_error(rt.call, ctx, "Point", 1).message


def test_union_factories(ctx):
    shape = ctx.define_union("Shape", {"Circle": ("radius",), "Nothing": ()})
    assert rt.call(ctx, "Shape.Circle", 2) == shape.Circle(2)
    assert rt.call(ctx, "Circle", 2) == shape.Circle(2)
    assert rt.call(ctx, "Shape.Nothing") is shape.Nothing()
    assert rt.call(ctx, f"{ctx.name}.Shape.Circle", 1) == shape.Circle(1)


def test_call_value(golo_error):
    assert rt.call_value(lambda a: a + 1, 1) == 2
    e = golo_error(rt.call_value, "notAFunction", 1)
    assert "not a function" in e.message

    def f(a):
        return a
    e = golo_error(rt.call_value, f, 1, 2)
    assert "takes 1 argument" in e.message

    def broken(a):
        return len(a)
    # A TypeError from inside the function is not an arity error.
    e = golo_error(rt.call_value, broken, 1)
    assert "takes" not in e.message


def test_named_arguments_and_bind_at_read_encoded_parameter_names(ctx):
    from golo_fast.runtime.names import golo_function_name, golo_name
    assert golo_name("u__from") == "from" and golo_name("plain") == "plain"
    assert golo_name("u__gr_f6x_dfxe") == "größe"
    assert golo_function_name("f__12") == "f" and golo_function_name("m.<locals>._closure__3") \
        == "closure" and golo_function_name("u__from__2") == "from"

    def sub(u__from, to):
        return u__from - to
    assert rt.call_value_named(sub, {"from": 10, "to": 1}) == 9
    assert rt.invoke(ctx, sub, "bindAt", "from", 100)(1) == 99


def test_call_sites_cache_one_receiver_type_and_are_invalidated(ctx, golo_error):
    size = rt.call_site(ctx, "size", 0)
    get = rt.call_site(ctx, "get", 1)
    put = rt.call_site(ctx, "put", 2)
    join3 = rt.call_site(ctx, "joinThree", 3)
    assert size(L([1, 2])) == 2 and size(T([1])) == 1 and size(L()) == 0
    assert get(L([5]), 0) == 5 and get(T([6]), 0) == 6
    m = rt.GoloMap()
    put(m, "k", 1)
    assert m["k"] == 1
    shout = rt.call_site(ctx, "shout", 0)
    assert "shout" in golo_error(shout, "a").message
    ctx.augment("java.lang.String", {"shout": lambda this: this.upper(),
                                     "joinThree": lambda this, a, b, c: this + a + b + c})
    assert shout("a") == "A" and join3("a", "b", "c", "d") == "abcd"
    ctx.augment("java.lang.Object", {"size": lambda this: -1})
    assert size("abc") == -1 and size(L([1])) == 1       # native still wins for lists
    assert golo_error(size, None).kind == "java.lang.NullPointerException"
