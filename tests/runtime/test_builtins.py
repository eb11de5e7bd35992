"""Predefined functions (language.md §18)."""
from __future__ import annotations

import io
import os

import pytest

from golo_fast import runtime as rt
from golo_fast.runtime.exceptions import GoloException

P = rt.PREDEFINED
C, T, L = rt.Char, rt.Tuple, rt.GoloList


def test_println_and_print(capsys):
    P["println"](L([1, "a"]))
    P["print"]("no newline ")
    P["print"](1.0)
    P["println"](None)
    assert capsys.readouterr().out == "[1, a]\nno newline 1.0null\n"
    with pytest.raises(TypeError, match=r"^println\(\) missing 1 required"):
        P["println"]()


def test_readln(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("first line\nsecond"))
    assert P["readln"]() == "first line"
    assert P["readln"]("name? ") == "second"
    assert capsys.readouterr().out == "name? "
    assert P["readln"]() is None


def test_str():
    assert P["str"]("a", 1, None) == "a1null"
    assert P["str"]() == ""
    assert P["str"](L([1]), 2.0, C("c")) == "[1]2.0c"


def test_require(golo_error):
    P["require"](True, "fine")
    e = golo_error(P["require"], 1 > 2, "requirement failed")
    assert e.kind == "java.lang.AssertionError" and e.message == "requirement failed"
    assert "Boolean" in golo_error(P["require"], 1, "x").message
    assert "String" in golo_error(P["require"], True, 1).message
    assert P["requireNotNull"](0) == 0
    assert golo_error(P["requireNotNull"], None).message == "null reference encountered"


def test_raise(golo_error):
    e = golo_error(P["raise"], "boom")
    assert e.kind == "java.lang.RuntimeException" and e.message == "boom" and e.cause is None
    cause = rt.GoloException("java.lang.IllegalStateException", "root")
    e = golo_error(P["raise"], "wrapped", cause)
    assert e.cause is cause and e.__cause__ is cause
    assert "String" in golo_error(P["raise"], 42).message


def test_ranges():
    assert P["range"](1, 5) == rt.Range(1, 5) and list(P["range"](3)) == [0, 1, 2]
    assert list(P["range"](C("C"))) == [C("A"), C("B")]
    assert list(P["reversedRange"](5, 1)) == [5, 4, 3, 2]
    assert list(P["reversedRange"](3)) == [3, 2, 1]
    assert rt.render(P["reversedRange"](5, 1)) == "range(5,1):incrementBy(-1)"


def test_collection_functions():
    assert P["list"](1, 2) == L([1, 2]) and type(P["list"]()) is L
    assert type(P["vector"](1)) is rt.Vector and type(P["set"](1, 1)) is rt.GoloSet
    assert P["tuple"](1, 2) == T([1, 2]) and type(P["array"](1)) is rt.Array
    assert rt.render(P["map"](T(["a", 1]), T(["b", 2]))) == "{a=1, b=2}"
    assert rt.render(P["mapEntry"]("k", 1)) == "k=1"
    assert P["box"](5).value == 5


def test_conversions(golo_error):
    assert P["intValue"](3.99) == 3 and P["intValue"](-3.99) == -3
    assert P["intValue"]("12") == 12 and P["intValue"](C("A")) == 65
    assert P["longValue"](2 ** 40) == 2 ** 40 and P["bigIntegerValue"]("7") == 7
    assert P["doubleValue"](2) == 2.0 and P["doubleValue"]("2.5") == 2.5
    assert P["floatValue"](1) == 1.0
    assert P["charValue"](65) == C("A") and type(P["charValue"](65)) is C
    assert golo_error(P["intValue"], "x").kind == "java.lang.NumberFormatException"
    assert isinstance(golo_error(P["intValue"], None), GoloException)


def test_predicates_and_lists():
    assert P["isClosure"](lambda: 1) and P["isClosure"](P["println"])
    assert not P["isClosure"]("f") and not P["isClosure"](None)
    assert P["isArray"](rt.Array()) and not P["isArray"](L())
    lst = L(["a", "b", "c"])
    assert P["removeByIndex"](lst, 1) == "b" and lst == ["a", "c"]


def test_files(tmp_path, monkeypatch, golo_error):
    monkeypatch.chdir(tmp_path)
    P["textToFile"]("héllo\nworld", "out.txt")
    assert P["fileExists"]("out.txt") and not P["fileExists"]("nope.txt")
    assert P["fileToText"]("out.txt") == "héllo\nworld"
    assert P["fileToText"]("out.txt", "UTF-8") == "héllo\nworld"
    assert P["currentDir"]() == os.getcwd()
    e = golo_error(P["fileToText"], "nope.txt")
    assert e.kind == "java.io.IOException" and "nope.txt" in e.message


def test_misc():
    P["sleep"](1)
    u = P["uuid"]()
    assert isinstance(u, str) and len(u) == 36 and u != P["uuid"]()


@pytest.mark.parametrize("name, kind", [
    ("RuntimeException", "java.lang.RuntimeException"),
    ("IllegalArgumentException", "java.lang.IllegalArgumentException"),
    ("IllegalStateException", "java.lang.IllegalStateException"),
    ("UnsupportedOperationException", "java.lang.UnsupportedOperationException"),
    ("Exception", "java.lang.Exception"),
    ("java.lang.IllegalStateException", "java.lang.IllegalStateException"),
])
def test_exception_constructors(name, kind):
    e = P[name]("x")
    assert isinstance(e, rt.GoloException) and e.kind == kind and e.message == "x"
    assert rt.render(e) == f"{kind}: x"
    assert P[name]().message is None
    cause = P["RuntimeException"]("root")
    assert P[name]("y", cause).cause is cause
    assert P[name](cause).cause is cause


def test_predefined_functions_carry_their_golo_names():
    for name, fn in P.items():
        if "." not in name and not isinstance(fn, type):
            assert fn.__qualname__ == name
