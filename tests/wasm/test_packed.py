"""The packed-return protocol (issue 6): exports (i32, i32) -> i64 returning ptr << 32 | len of
a block the host frees, with malloc/free or allocate/deallocate; detection and describe()."""
from __future__ import annotations

import pytest

from golo_fast import errors
from golo_fast.wasm import _protocol

NAMES = ["🌸 Alice", "", "x" * 70_000, "Zoé"]


@pytest.mark.parametrize("name, pair", [("packed", "malloc/free"),
                                        ("packed_alloc", "allocate/deallocate"),
                                        ("as_greet", "allocate/deallocate")])
def test_packed_guests_from_python(load, guest, name, pair):
    with load(guest(name)) as r:
        if name == "as_greet":
            r.register_host_function("env", "log", lambda message: None)
        for text in NAMES:
            assert r.call_string("greet", text) == f"Hello, {text}!!!"
        # (as_greet logs its input: a log message must be UTF-8, see test_host_functions)
        data = b"\x00bytes" if name == "as_greet" else b"\xff\x00"
        assert r.call_bytes("greet", data) == b"Hello, " + data + b"!!!"
        chosen = r.describe("greet")
        assert chosen.name == _protocol.PACKED and chosen.frees == "host"
        assert str(chosen.allocator) == pair
        assert str(chosen) == f"packed return ptr << 32 | len; {pair} (host frees)"


def test_describe_names_each_protocol(load, guest):
    with load(guest("hello")) as r:
        chosen = r.describe("hello")
        assert chosen.name == _protocol.THREE_FUNCTION and chosen.frees == "guest"
        assert str(chosen) == ("3-function protocol (getResultPtr/getResultLen); input in a "
                               "block from malloc")
        assert r.describe("malloc").name is None   # numeric: call it with numbers
        with pytest.raises(errors.WasmExportError, match="has no export 'nope'"):
            r.describe("nope")
    with load(guest("hello_nomalloc")) as r:
        assert str(r.describe("hello")).endswith("input written at offset 1024")


@pytest.mark.parametrize("name, alloc, free", [("packed", "malloc", "free"),
                                               ("packed_alloc", "allocate", "deallocate")])
def test_the_host_frees_every_result(load, guest, name, alloc, free):
    # 300 calls with 64 KiB results: unfreed, they would push a fresh 64 KiB block ~20 MB up
    # the heap; freed, the allocator hands the same address back every time
    with load(guest(name)) as r:
        def fresh_block() -> int:
            ptr = r.call(alloc, 65_546)
            r.call(free, *((ptr,) if free == "free" else (ptr, 65_546)))
            return ptr

        big = "y" * 65_536
        r.call_string("greet", big)
        before = fresh_block()
        for _ in range(300):
            assert len(r.call_string("greet", big)) == 65_546
        assert fresh_block() == before


def test_deallocate_gets_the_block_and_its_size(load, wat2wasm):
    # a guest that records what deallocate was given
    wasm = wat2wasm("""
      (module
        (memory (export "memory") 2)
        (global $last_ptr (mut i32) (i32.const 0))
        (global $last_len (mut i32) (i32.const 0))
        (global $next (mut i32) (i32.const 4096))
        (func (export "allocate") (param $n i32) (result i32)
          (local $p i32)
          (local.set $p (global.get $next))
          (global.set $next (i32.add (global.get $next) (i32.const 1024)))
          (local.get $p))
        (func (export "deallocate") (param $p i32) (param $n i32)
          (global.set $last_ptr (local.get $p)) (global.set $last_len (local.get $n)))
        (func (export "lastPtr") (result i32) global.get $last_ptr)
        (func (export "lastLen") (result i32) global.get $last_len)
        ;; result: the input itself, echoed from a fresh block at 32768
        (func (export "echo") (param $p i32) (param $n i32) (result i64)
          (memory.copy (i32.const 32768) (local.get $p) (local.get $n))
          (i64.or (i64.shl (i64.const 32768) (i64.const 32))
                  (i64.extend_i32_u (local.get $n)))))""")
    with load(wasm) as r:
        assert r.call_string("echo", "hello") == "hello"
        assert (r.call("lastPtr"), r.call("lastLen")) == (32768, 5)


HOSTILE_PACKED = """
  (module
    (memory (export "memory") 1)
    (func (export "malloc") (param i32) (result i32) i32.const 4096)
    (func (export "free") (param $p i32)
      (if (i32.ne (local.get $p) (i32.const 8192)) (then unreachable)))
    ;; ptr 0xFFFFFFF0 (a signed i64 would make it negative), len 0x20: wraps u32 past the end
    (func (export "wrap") (param i32 i32) (result i64) i64.const 0xFFFFFFF000000020)
    ;; ptr 8192 + len 65536: past the end of a 64 KiB memory
    (func (export "past") (param i32 i32) (result i64) i64.const 0x0000200000010000)
    ;; the whole i64 negative: ptr 0x80000000
    (func (export "negative") (param i32 i32) (result i64) i64.const 0x8000000000000004)
    ;; in bounds, not UTF-8: freed all the same (free traps on any other pointer)
    (func (export "badutf8") (param i32 i32) (result i64)
      (i32.store (i32.const 8192) (i32.const 0x28c3feff))
      i64.const 0x0000200000000004)
    ;; ptr 0: the empty result, never freed
    (func (export "empty") (param i32 i32) (result i64) i64.const 0)
    (func (export "ok") (param i32 i32) (result i64)
      (i32.store (i32.const 8192) (i32.const 0x21216b6f))
      i64.const 0x0000200000000004)
    (func (export "trap") (param i32 i32) (result i64) unreachable))"""


def test_hostile_packed_results(load, wat2wasm):
    with load(wat2wasm(HOSTILE_PACKED), name="hostile_packed") as r:
        with pytest.raises(errors.WasmMemoryError,
                           match=r"'wrap': result ptr=4294967280 len=32 ends at 4294967312"):
            r.call_string("wrap", "x")
        with pytest.raises(errors.WasmMemoryError, match=r"'past': result ptr=8192 len=65536"):
            r.call_bytes("past", b"x")
        with pytest.raises(errors.WasmMemoryError, match=r"ptr=2147483648 len=4"):
            r.call_string("negative", "x")
        with pytest.raises(errors.WasmDecodeError, match=r"'badutf8': result is not valid UTF-8"):
            r.call_string("badutf8", "x")
        assert r.call_bytes("badutf8", b"x") == b"\xff\xfe\xc3\x28"
        assert r.call_string("empty", "x") == ""
        with pytest.raises(errors.WasmTrap, match="'trap'"):
            r.call_string("trap", "x")
        assert r.call_string("ok", "x") == "ok!!"   # and the runner still works


def test_packed_without_allocator_or_memory_is_explained(load, wat2wasm):
    wasm = wat2wasm("""(module (memory (export "memory") 1)
                         (func (export "greet") (param i32 i32) (result i64) i64.const 0)
                         (func (export "add") (param i32 i32) (result i32) i32.const 0))""")
    with load(wasm) as r:
        with pytest.raises(errors.WasmExportError,
                           match=r"'greet': call_string cannot call it: packed return ptr << 32 "
                                 r"\| len, but no malloc/free or allocate/deallocate export"):
            r.call_string("greet", "x")
        with pytest.raises(errors.WasmExportError,
                           match=r"'add' has signature \(i32, i32\) -> \(i32\); call_bytes needs"):
            r.call_bytes("add", b"x")
        assert r.describe("greet").name is None
        assert r.call("greet", 1, 2) == 0   # still callable with numbers


def test_signed_i64_is_masked(memproto):
    assert memproto.unpack(-1) == (0xFFFFFFFF, 0xFFFFFFFF)
    assert memproto.unpack(-(2**63)) == (0x80000000, 0)
    assert memproto.unpack((5 << 32) | 7) == (5, 7)
    assert memproto.U64_MASK == 2**64 - 1


def test_detection_rules():
    fn = lambda params, results: ("function", params, results)  # noqa: E731
    i32 = ("i32",)
    base = {"memory": ("memory", None, None), "greet": fn(("i32", "i32"), ("i64",))}
    both = {**base, "malloc": fn(i32, i32), "free": fn(i32, ()),
            "allocate": fn(i32, i32), "deallocate": fn(("i32", "i32"), ())}
    found = _protocol.detect(both, [])
    assert str(found.allocator) == "malloc/free"          # malloc/free wins when both exist
    assert set(found.exports) == {"greet"}                # allocator exports are not protocols
    wrong_free = {**base, "malloc": fn(i32, i32), "free": fn(("i32", "i32"), ())}
    assert _protocol.detect(wrong_free, []).allocator is None
    found = _protocol.detect({}, [("env", "log", "function", ("i32", "i32"), ()),
                                  ("env", "ask", "function", ("i32", "i32"), i32),
                                  ("other", "f", "function", ("i32",), ()),
                                  ("env", "mem", "memory", None, None),
                                  ("wasi_snapshot_preview1", "fd_write", "function",
                                   ("i32",) * 4, i32)])
    assert [(i.namespace, i.name, i.has_result) for i in found.string_imports] == [
        ("env", "log", False), ("env", "ask", True)]
    assert found.missing_names == ["other.f", "env.mem"] and found.wasi


def _guest_files():
    from tests.conftest import GUESTS
    return sorted(p for p in list(GUESTS.glob("*.wasm")) + list(GUESTS.glob("hostile/*.wasm"))
                  if p.stem not in ("not_wasm", "truncated", "missing_import", "infinite_loop"))


@pytest.mark.parametrize("path", _guest_files(), ids=lambda p: p.name)
def test_describe_agrees_with_wasm_info(load, path):
    """Runner.describe and `golo-fast wasm-info` report the same protocol for every export."""
    from golo_fast import wasm_info
    reported = wasm_info.to_json(wasm_info.read_file(str(path)))["protocols"]
    with load(str(path)) as r:
        for name in r.functions():
            chosen = r.describe(name)
            if name in reported:
                assert str(chosen) == reported[name], name
            else:
                assert chosen.name is None, name


def test_both_implementations_offer_the_issue6_api():
    from golo_fast import _accel
    for impl in ("cython", "python"):
        module = _accel.implementation(impl)
        for attr in ("register_host_function", "host_import", "attach"):
            assert hasattr(module.Session, attr), (impl, attr)
        assert module.unpack(-2) == (0xFFFFFFFF, 0xFFFFFFFE)
