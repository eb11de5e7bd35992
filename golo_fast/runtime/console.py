"""Console output and input of Golo programs (`println`, `print`, `readln`, `readPassword`).

Output goes to `sys.stdout` (looked up on each call, so a captured or replaced stream works)
with Python's buffering.  A wasm guest writes its WASI output straight to file descriptor 1,
so before a guest call the wasm builtins call `flush_pending()`, which flushes only when Golo
wrote something since the last flush: a flush costs ~0.3 µs even when there is nothing to
write, a sizeable part of a ~2 µs guest call.
"""
from __future__ import annotations

import sys

from golo_fast.runtime.render import render


class _Pending:
    """`output` is true when Golo wrote to stdout since the last flush."""

    __slots__ = ("output",)

    def __init__(self):
        self.output = False


pending = _Pending()


def println(x):
    sys.stdout.write((x if type(x) is str else render(x)) + "\n")
    pending.output = True


def print_(x):
    sys.stdout.write(x if type(x) is str else render(x))
    pending.output = True


def flush_pending() -> None:
    if pending.output:
        pending.output = False
        sys.stdout.flush()


def _flush() -> None:
    pending.output = False
    sys.stdout.flush()


def readln(prompt=None):
    if prompt is not None:
        sys.stdout.write(render(prompt))
    _flush()
    line = sys.stdin.readline()
    if not line:
        return None          # end of input, like Java's readLine()
    return line[:-1] if line.endswith("\n") else line


def readPassword(prompt=None):
    # Imported on use: only scripts that ask for a password need it.
    import getpass
    _flush()
    return getpass.getpass("" if prompt is None else render(prompt))
