"""Golo names of compiled Python names (codegen's spelling, see `resolve.py_identifier`).

A Golo name that is not a plain Python identifier (a keyword, `$`, Unicode, a leading `_`)
is compiled as `u__` followed by the name with every other character written `_<hex>x`;
compiled functions are named `<name>__<n>` and closures `_closure__<n>`.
"""
from __future__ import annotations

import re

_ENCODED_CHAR = re.compile(r"_([0-9a-f]+)x")
_SUFFIX = re.compile(r"__\d+$")


def golo_name(pyname: str) -> str:
    """`u__from` -> `from`; plain names are unchanged."""
    if not pyname.startswith("u__"):
        return pyname
    return _ENCODED_CHAR.sub(lambda m: chr(int(m.group(1), 16)), pyname[3:])


def golo_function_name(pyname: str) -> str:
    """The Golo name of a compiled function (`f__1` -> `f`, `_closure__3` -> `closure`)."""
    name = _SUFFIX.sub("", pyname.rsplit(".", 1)[-1])
    if name in ("_closure", "<lambda>"):
        return "closure"
    return golo_name(name)
