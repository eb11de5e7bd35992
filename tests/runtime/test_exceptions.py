"""Exception values and `_rt.catch` (language.md §10)."""
from __future__ import annotations

import pytest

from golo_fast import errors, runtime as rt


def caught(fn):
    try:
        fn()
    except BaseException as exc:
        return rt.catch(exc)
    raise AssertionError("nothing raised")


def test_golo_errors_are_caught_as_they_are():
    e = rt.GoloException("java.lang.RuntimeException", "boom")
    assert caught(lambda: (_ for _ in ()).throw(e)) is e
    trap = errors.WasmTrap("unreachable in hello")
    assert rt.catch(trap) is trap
    assert rt.invoke(rt.ModuleContext("t.exc"), trap, "getMessage") == "unreachable in hello"
    rt.MODULES.pop("t.exc")


@pytest.mark.parametrize("action, kind, message", [
    (lambda: 1 // 0, "java.lang.ArithmeticException", "/ by zero"),
    (lambda: [][1], "java.lang.IndexOutOfBoundsException", "list index out of range"),
    (lambda: len(1), "java.lang.IllegalArgumentException", None),
    (lambda: {}["k"], "java.util.NoSuchElementException", None),
    (lambda: int("x"), "java.lang.IllegalArgumentException", None),
    (lambda: open("/definitely/not/here"), "java.io.IOException", None),
])
def test_python_failures_map_to_java_kinds(action, kind, message):
    e = caught(action)
    assert isinstance(e, rt.GoloException) and e.kind == kind
    if message is not None:
        assert e.message == message
    assert e.__cause__ is not None


def test_recursion_is_a_stack_overflow():
    def deep(n):
        return deep(n + 1)
    e = caught(lambda: deep(0))
    assert e.kind == "java.lang.StackOverflowError"
    assert rt.render(e) == "java.lang.StackOverflowError"


def test_interrupts_exits_and_bugs_are_not_caught():
    for exc in (KeyboardInterrupt(), SystemExit(1), errors.InternalError("bug")):
        with pytest.raises(type(exc)):
            rt.catch(exc)


def test_to_throwable():
    e = rt.GoloException("java.lang.RuntimeException", "x")
    assert rt.to_throwable(e) is e
    trap = errors.WasmTrap("t")
    assert rt.to_throwable(trap) is trap
    bad = rt.to_throwable("just a string")
    assert isinstance(bad, rt.GoloException) and "not an exception" in bad.message


def test_rethrow_keeps_the_same_object():
    first = rt.GoloException("java.lang.RuntimeException", "first")

    def rethrow():
        try:
            raise first
        except BaseException as exc:
            raise rt.to_throwable(rt.catch(exc))
    assert caught(rethrow) is first


def test_exception_kinds_hierarchy():
    from golo_fast.runtime.exceptions import kind_is_a
    assert kind_is_a("java.lang.IllegalArgumentException", "java.lang.RuntimeException")
    assert kind_is_a("java.lang.NumberFormatException", "java.lang.Exception")
    assert kind_is_a("java.lang.AssertionError", "java.lang.Throwable")
    assert not kind_is_a("java.lang.AssertionError", "java.lang.Exception")
    assert kind_is_a("java.util.regex.PatternSyntaxException", "java.lang.RuntimeException")


def test_golo_exception_is_a_golo_error():
    e = rt.GoloException("java.lang.RuntimeException", "m")
    assert isinstance(e, errors.GoloError) and str(e) == "m"
    assert str(rt.GoloException("java.lang.StackOverflowError")) == "java.lang.StackOverflowError"


def test_python_arity_errors_read_in_golo_words():
    def f__1(a):
        return a
    e = caught(lambda: f__1(1, 2))
    assert e.kind == "java.lang.IllegalArgumentException"
    assert e.message == "f() takes 1 argument but 2 were given"
    e = caught(lambda: (lambda x: x)())
    assert e.message == "closure() missing 1 required argument: 'x'"


def test_python_type_names_become_java_names():
    e = caught(lambda: rt.GoloList([1])(2))
    assert e.message == "a value of type java.util.LinkedList is not a function"
    e = caught(lambda: iter(None))
    assert e.message == "a value of type null is not iterable"
