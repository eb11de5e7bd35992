"""The Cython module and its twin agree: same results, same error classes, same messages.

These tests take both implementations at once (crossed), through the selector.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from golo_fast import _accel
from golo_fast.errors import WasmMemoryError

CYTHON = _accel.implementation("cython")
PYTHON = _accel.implementation("python")

# guest numbers: anything an i32 or i64 result can be, plus plain u32 values
guest_ints = st.one_of(st.integers(-(2**31), 2**32 - 1), st.integers(-(2**63), 2**63 - 1),
                       st.sampled_from([0, 1, -1, -16, 2**31 - 1, -(2**31), 2**32 - 1]))


def outcome(fn, *args):
    """What a call did: ("ok", value) or ("error", class, message)."""
    try:
        return ("ok", fn(*args))
    except Exception as exc:
        return ("error", type(exc), str(exc))


_PATTERN = bytes(range(256)) * 17


def memory_of(size: int, seed: int) -> bytearray:
    return bytearray(_PATTERN[seed : seed + size])


@settings(max_examples=250, deadline=None)
@given(size=st.integers(0, 4096), seed=st.integers(0, 255), ptr=guest_ints, length=guest_ints,
       as_text=st.booleans())
def test_read_bytes_agrees(size, seed, ptr, length, as_text):
    memory = memory_of(size, seed)
    results = [outcome(m.read_bytes, memory, "m.wasm", "fn", "result", ptr, length, as_text)
               for m in (CYTHON, PYTHON)]
    assert results[0] == results[1]


@settings(max_examples=200, deadline=None)
@given(size=st.integers(0, 2048), ptr=st.integers(0, 2**32 - 1) | st.integers(0, 3000),
       payload=st.binary(max_size=600))
def test_write_then_read_crossed(size, ptr, payload):
    # write with one implementation, read with the other, both ways
    for writer, reader in ((CYTHON, PYTHON), (PYTHON, CYTHON)):
        memory = bytearray(size)
        written = outcome(writer.write_bytes, memory, "m.wasm", "fn", "input", ptr, payload)
        twin_memory = bytearray(size)
        twin = outcome(reader.write_bytes, twin_memory, "m.wasm", "fn", "input", ptr, payload)
        assert written == twin and memory == twin_memory
        if written[0] == "ok":
            assert reader.read_bytes(memory, "m", "f", "r", ptr, len(payload), False) == payload


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200), junk=st.binary(max_size=8), where=st.integers(0, 200))
def test_utf8_decoding_agrees(text, junk, where):
    data = text.encode("utf-8")
    data = data[:where] + junk + data[where:]
    memory = bytearray(b"\0" * 16 + data)
    results = [outcome(m.read_bytes, memory, "m.wasm", "fn", "result", 16, len(data), True)
               for m in (CYTHON, PYTHON)]
    assert results[0] == results[1]


@given(value=st.integers(-(2**70), 2**70))
def test_u32_agrees(value):
    assert CYTHON.u32(value) == PYTHON.u32(value) == value % 2**32


@given(length=st.integers(0, 2**33))
def test_capacity_agrees(length):
    assert CYTHON.capacity_for(length) == PYTHON.capacity_for(length)
    assert CYTHON.capacity_for(length) >= max(length, PYTHON.MIN_CAPACITY)


@given(ptr=st.integers(0, 2**33), length=st.integers(0, 2**33), size=st.integers(0, 2**33))
def test_check_range_agrees(ptr, length, size):
    assert (outcome(CYTHON.check_range, "m", "f", "what", ptr, length, size)
            == outcome(PYTHON.check_range, "m", "f", "what", ptr, length, size))


def test_constants_and_names_mirror():
    for constant in ("U32_MASK", "FIXED_INPUT_OFFSET", "MIN_CAPACITY", "REPLY_ALIGN",
                     "HANDLER_OK", "HANDLER_FAILED", "NO_HANDLER", "BAD_MESSAGE", "REPLY_FAILED"):
        assert getattr(CYTHON, constant) == getattr(PYTHON, constant), constant
    public = {"u32", "capacity_for", "check_range", "write_bytes", "read_bytes", "Session"}
    assert public <= set(dir(CYTHON)) and public <= set(dir(PYTHON))
    session_api = {"attach", "call_string", "call_bytes", "call", "close", "closed",
                   "register_handler", "host_call_string", "host_call_named",
                   "host_result_ptr", "host_result_len"}
    assert session_api <= set(dir(CYTHON.Session)) and session_api <= set(dir(PYTHON.Session))


def test_read_bytes_examples(memproto):
    memory = bytearray(b"..hello..")
    assert memproto.read_bytes(memory, "m", "f", "r", 2, 5, True) == "hello"
    assert memproto.read_bytes(memory, "m", "f", "r", 2, 5, False) == b"hello"
    assert memproto.read_bytes(memory, "m", "f", "r", 9, 0, False) == b""
    with pytest.raises(WasmMemoryError) as info:
        memproto.read_bytes(memory, "m", "f", "result", -16, 1, False)
    assert str(info.value) == ("module 'm', export 'f': result ptr=4294967280 len=1 ends at "
                               "4294967281, past the end of guest memory (9 bytes)")


def _stub_signatures():
    """{qualified name: [parameter names]} from golo_fast/_memproto.pyi."""
    import ast
    from pathlib import Path
    import golo_fast
    tree = ast.parse((Path(golo_fast.__file__).parent / "_memproto.pyi").read_text())
    found = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            found[node.name] = [a.arg for a in node.args.args]
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    found[f"{node.name}.{item.name}"] = [a.arg for a in item.args.args]
    return found


def test_stub_matches_the_twin():
    import inspect
    stub = _stub_signatures()
    for qualified, params in stub.items():
        owner, _, attr = qualified.rpartition(".")
        obj = getattr(getattr(PYTHON, owner), attr) if owner else getattr(PYTHON, attr)
        if isinstance(obj, property):
            continue
        assert list(inspect.signature(obj).parameters) == params, qualified
    public_methods = {f"Session.{n}" for n, v in vars(PYTHON.Session).items()
                      if not n.startswith("_") and callable(v)} | {"Session.__init__"}
    assert public_methods <= set(stub)
