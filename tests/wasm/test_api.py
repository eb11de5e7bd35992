"""Every line of the public API, on both protocol implementations (the `load` fixture)."""
from __future__ import annotations

import pytest

from golo_fast import errors, wasm


def test_article_hello(load, guest):
    r = load(guest("hello"))
    assert r.has_function("hello")
    assert not r.has_function("nope")
    assert not r.has_function("memory")  # an export, but not a function
    assert r.functions() == ["_initialize", "malloc", "free", "getResultPtr", "getResultLen",
                             "hello"]
    for name in ["🌸 Alice", "🤗 Bob", "🥸 Charlie", "🤓 GoloScript User"]:
        assert r.call_string("hello", name) == f"Hello, {name}!!!"
    r.close()


def test_load_from_bytes(load, guest):
    with open(guest("hello"), "rb") as f:
        data = f.read()
    for source in (data, bytearray(data), memoryview(data)):
        with load(source) as r:
            assert r.name == "<bytes>"
            assert r.call_string("hello", "x") == "Hello, x!!!"
    with load(data, name="mine") as r:
        assert r.name == "mine"


def test_load_from_pathlike(load, guest):
    from pathlib import Path
    with load(Path(guest("hello"))) as r:
        assert r.name == "hello.wasm"


def test_call_bytes_round_trips_every_byte(load, guest):
    with load(guest("echo")) as r:
        assert r.call_bytes("echo", b"\x00\xff") == b"\x00\xff"
        everything = bytes(range(256)) * 4
        assert r.call_bytes("echo", everything) == everything
        assert r.call_bytes("echo", bytearray(b"abc")) == b"abc"
        assert r.call_bytes("echo", memoryview(b"abcdef")[1:4]) == b"bcd"
        assert r.call_bytes("echo", b"") == b""


def test_call_numbers(load, guest):
    with load(guest("echo")) as r:
        assert r.call("add", 2, 3) == 5
        assert r.call("add", 2**31 - 1, 1) == -(2**31)   # i32 wraps, results are signed
        assert r.call("add", 0xFFFFFFFF, 0) == -1          # u32 input accepted as its i32 twin
        assert r.call("noop") is None


def test_call_checks_arguments(load, guest):
    with load(guest("echo")) as r:
        with pytest.raises(errors.WasmExportError, match=r"'add' takes 2 argument.*got 1"):
            r.call("add", 1)
        with pytest.raises(errors.WasmExportError, match=r"argument 0 must be an i32.*'x'"):
            r.call("add", "x", 1)
        with pytest.raises(errors.WasmExportError, match="argument 1 must be an i32"):
            r.call("add", 1, 2**32)
        with pytest.raises(errors.WasmExportError, match="has no export 'nope'"):
            r.call("nope")
        assert r.call("add", 1, 1) == 2   # and the runner still works


def test_inputs_of_growing_size_reuse_and_grow_the_buffer(load, guest):
    # sizes straddle the first malloc'd capacity (64) and its doublings, then shrink again
    with load(guest("echo")) as r:
        for size in (0, 1, 63, 64, 65, 1000, 70_000, 10, 2 * 1024 * 1024, 5):
            data = bytes((i * 7) % 251 for i in range(size))
            assert r.call_bytes("echo", data) == data


def test_large_string_round_trip(load, guest):
    text = "🌸 Alice " * 100_000
    with load(guest("hello")) as r:
        assert r.call_string("hello", text) == f"Hello, {text}!!!"


def test_guest_without_allocator_uses_offset_1024(load, guest):
    with load(guest("hello_nomalloc")) as r:
        assert not r.has_function("malloc")
        assert r.call_string("hello", "Bob") == "Hello, Bob!!!"
        big = "b" * 60_000
        assert r.call_string("hello", big) == f"Hello, {big}!!!"


def test_input_that_does_not_fit_at_offset_1024(load, guest):
    # hostile guests have no allocator and 192 KiB of memory: 1024 + 200 KiB does not fit
    with load(guest("hostile/trap")) as r:
        with pytest.raises(errors.WasmMemoryError) as info:
            r.call_bytes("ok", b"x" * 200_000)
        message = str(info.value)
        assert "'trap.wasm'" in message and "'ok'" in message
        assert "ptr=1024 len=200000" in message and "196608 bytes" in message
        assert r.call_string("ok", "fine") == "Hello, fine!!!"


def test_call_string_type_errors(load, guest):
    with load(guest("hello")) as r:
        with pytest.raises(TypeError):
            r.call_string("hello", b"bytes")
        with pytest.raises(TypeError):
            r.call_bytes("hello", "text")
        with pytest.raises(TypeError):
            r.call_bytes("hello", 5)   # not five zero bytes
        assert r.call_string("hello", "ok") == "Hello, ok!!!"


def test_unknown_export_and_wrong_signature(load, guest):
    with load(guest("echo")) as r:
        with pytest.raises(errors.WasmExportError, match=r"'echo.wasm' has no export 'nope'"):
            r.call_string("nope", "x")
        with pytest.raises(errors.WasmExportError,
                           match=r"export 'noop' has signature \(\) -> \(\); call_string needs"):
            r.call_string("noop", "x")
        with pytest.raises(errors.WasmExportError, match="export 'memory' is a memory"):
            r.call_bytes("memory", b"x")
        assert r.call_bytes("echo", b"still fine") == b"still fine"


def test_close_and_context_manager(load, guest):
    r = load(guest("hello"))
    with r as same:
        assert same is r
        assert not r.closed
    assert r.closed
    r.close()  # idempotent
    for attempt in (lambda: r.call_string("hello", "x"), lambda: r.call_bytes("hello", b"x"),
                    lambda: r.call("hello", 0, 0), lambda: r.has_function("hello"),
                    r.functions, lambda: r.register_string_handler(str)):
        with pytest.raises(errors.RunnerClosedError, match="'hello.wasm'.*closed runner"):
            attempt()
    assert "closed" in repr(r)


def test_accelerated_flag_matches_the_selector():
    from golo_fast import _accel
    assert wasm.ACCELERATED is _accel.ACCELERATED
    expected = "golo_fast._memproto" if wasm.ACCELERATED else "golo_fast._memproto_py"
    assert _accel.memproto.__name__ == expected


def test_errors_share_one_base():
    for cls in (errors.WasmLoadError, errors.WasmExportError, errors.WasmTrap,
                errors.WasmMemoryError, errors.WasmDecodeError, errors.HandlerError,
                errors.RunnerClosedError, errors.WasmReentrancyError, errors.WasmExit):
        assert issubclass(cls, errors.GoloError)


def test_load_errors(load, guest, tmp_path):
    with pytest.raises(errors.WasmLoadError, match="cannot read"):
        load(str(tmp_path / "missing.wasm"))
    with pytest.raises(errors.WasmLoadError, match="cannot read"):
        load(str(tmp_path))   # a directory
    with pytest.raises(errors.WasmLoadError, match="'not_wasm.wasm': not a valid wasm module"):
        load(guest("hostile/not_wasm"))
    with pytest.raises(errors.WasmLoadError, match="'truncated.wasm': not a valid wasm module"):
        load(guest("hostile/truncated"))
    with pytest.raises(errors.WasmLoadError, match="not a valid wasm module"):
        load(b"")
    with pytest.raises(errors.WasmLoadError, match=r"env\.doesNotExist \(i32, i32, i32\) -> \(i32\)"):
        load(guest("hostile/missing_import"))
    with pytest.raises(TypeError):
        load(42)
