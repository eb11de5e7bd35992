"""Fixtures for the runtime tests: a fresh module context per test."""
from __future__ import annotations

import itertools

import pytest

from golo_fast import runtime as rt

_counter = itertools.count()


@pytest.fixture
def ctx():
    """A module context with a unique name (MODULES is global to the process)."""
    name = f"test.runtime.M{next(_counter)}"
    context = rt.ModuleContext(name, f"{name}.golo")
    yield context
    rt.MODULES.pop(name, None)


@pytest.fixture
def inv(ctx):
    """`inv(recv, "name", *args)` = `recv: name(args)` in the test module."""
    def invoke(recv, name, *args):
        return rt.invoke(ctx, recv, name, *args)
    return invoke


def _golo_error(fn, *args):
    try:
        fn(*args)
    except BaseException as exc:  # what compiled `catch` does
        return rt.catch(exc)
    raise AssertionError("no error raised")


@pytest.fixture
def golo_error():
    """`golo_error(fn, *args)` runs `fn(*args)`, expects a failure and returns it as
    `catch (e)` binds it."""
    return _golo_error
