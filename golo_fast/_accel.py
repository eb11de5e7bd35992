"""The switch: the compiled `_memproto` extension, or its pure-Python twin.

Read once, at first import: `GOLO_FAST_NO_EXTENSIONS=1` forces the twin; otherwise the
extension is used when it imports. `ACCELERATED` says which one won; `memproto` is it.
Everything else reaches the protocol through this module, never by importing either directly.
"""
from __future__ import annotations

import os

NO_EXTENSIONS = os.environ.get("GOLO_FAST_NO_EXTENSIONS", "") not in ("", "0")

if NO_EXTENSIONS:
    from golo_fast import _memproto_py as memproto
    ACCELERATED = False
else:
    try:
        from golo_fast import _memproto as memproto
        ACCELERATED = True
    except ImportError:  # not built (e.g. no compiler); CI refuses this case via wasm.ACCELERATED
        from golo_fast import _memproto_py as memproto
        ACCELERATED = False

__all__ = ["ACCELERATED", "NO_EXTENSIONS", "implementation", "memproto"]


def implementation(name: str | None = None):
    """The protocol module by name: "cython", "python", or None for the one the switch chose.

    Lets tests and benchmarks run both in one process; "cython" raises ImportError if the
    extension is not built (so a test run on a broken build fails instead of skipping).
    """
    if name is None:
        return memproto
    if name == "python":
        from golo_fast import _memproto_py
        return _memproto_py
    if name == "cython":
        from golo_fast import _memproto
        return _memproto
    raise ValueError(f"unknown protocol implementation {name!r} (expected 'cython' or 'python')")
