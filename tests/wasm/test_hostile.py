"""Every hostile guest gives its error, names what went wrong, and the runner answers `ok` after."""
from __future__ import annotations

import pytest

from golo_fast import errors

RESULT_END = r"past the end of guest memory \(196608 bytes\)"


def assert_still_works(r):
    assert r.call_string("ok", "after") == "Hello, after!!!"


@pytest.mark.parametrize("api", ["call_string", "call_bytes"])
def test_bad_ptr(load, guest, api):
    with load(guest("hostile/bad_ptr")) as r:
        with pytest.raises(errors.WasmMemoryError,
                           match=r"'bad_ptr.wasm', export 'run': result ptr=268435456 len=16 "
                                 r"ends at 268435472, " + RESULT_END):
            getattr(r, api)("run", "x" if api == "call_string" else b"x")
        assert_still_works(r)


def test_wrap_len(load, guest):
    # getResultLen() arrives as -16; masked it is 0xFFFFFFF0, and ptr + len must not wrap
    with load(guest("hostile/wrap_len")) as r:
        with pytest.raises(errors.WasmMemoryError,
                           match=r"'wrap_len.wasm', export 'run': result ptr=67584 "
                                 r"len=4294967280 ends at 4295034864, " + RESULT_END):
            r.call_string("run", "x")
        assert_still_works(r)


def test_past_end(load, guest):
    with load(guest("hostile/past_end")) as r:
        with pytest.raises(errors.WasmMemoryError,
                           match=r"result ptr=196600 len=16 ends at 196616, " + RESULT_END):
            r.call_bytes("run", b"")
        assert_still_works(r)


def test_trap(load, guest):
    with load(guest("hostile/trap")) as r:
        with pytest.raises(errors.WasmTrap,
                           match=r"'trap.wasm', export 'run': guest trapped: .*unreachable") as info:
            r.call_string("run", "x")
        assert isinstance(info.value.__cause__, RuntimeError)  # the engine's own error, chained
        assert_still_works(r)


def test_stack_overflow(load, guest):
    with load(guest("hostile/stack_overflow")) as r:
        with pytest.raises(errors.WasmTrap, match=r"'run': guest trapped: .*call stack exhausted"):
            r.call_string("run", "x")
        assert_still_works(r)
        with pytest.raises(errors.WasmTrap):   # and again: nothing was left half-done
            r.call_string("run", "x")
        assert_still_works(r)


def test_grow_max(load, guest):
    # run grows memory to its maximum inside the call: the result ends at the last byte
    with load(guest("hostile/grow_max")) as r:
        assert r.call_string("run", "abc") == "grown:abc"
        with pytest.raises(errors.WasmMemoryError,
                           match=r"'overrun': result ptr=655356 len=8 ends at 655364, "
                                 r"past the end of guest memory \(655360 bytes\)"):
            r.call_string("overrun", "abc")
        assert_still_works(r)


def test_bad_utf8(load, guest):
    bad = bytes.fromhex("fffec3282062616420 80eda0".replace(" ", ""))
    with load(guest("hostile/bad_utf8")) as r:
        with pytest.raises(errors.WasmDecodeError,
                           match=r"'bad_utf8.wasm', export 'run': result is not valid UTF-8 "
                                 r"\(12 bytes at ptr=\d+\): invalid start byte at byte 0"):
            r.call_string("run", "x")
        assert r.call_bytes("run", b"x") == bad
        assert_still_works(r)


def test_no_getters(load, guest):
    with load(guest("hostile/no_getters")) as r:
        with pytest.raises(errors.WasmExportError,
                           match=r"'no_getters.wasm', export 'run': call_string needs the export "
                                 r"getResultPtr\(\) -> i32, which the module lacks"):
            r.call_string("run", "x")
        assert r.call("answer") == 42


def test_bad_getters(load, guest):
    with load(guest("hostile/bad_getters")) as r:
        with pytest.raises(errors.WasmExportError,
                           match=r"call_bytes needs getResultPtr with signature \(\) -> \(i32\), "
                                 r"the module's has \(i32\) -> \(i32\)"):
            r.call_bytes("run", b"x")
        assert r.call("answer") == 42


def test_handler_spam(load, guest):
    calls = []

    def handler(message):
        calls.append(message)
        return "reply " * 10

    with load(guest("hostile/handler_spam")) as r:
        r.register_string_handler(handler)
        assert r.call_string("run", "go") == "done"
        assert len(calls) == 100_000 and set(calls) == {"spam"}
        assert_still_works(r)


def test_handler_spam_without_handler(load, guest):
    # every one of the 100,000 calls fails (no handler); one error comes out, naming it
    with load(guest("hostile/handler_spam")) as r:
        with pytest.raises(errors.HandlerError,
                           match=r"'run': the guest called handler 'default' but none is "
                                 r"registered"):
            r.call_string("run", "go")
        assert_still_works(r)


@pytest.mark.parametrize("name, message", [
    ("not_wasm", "not a valid wasm module"),
    ("truncated", "not a valid wasm module"),
    ("missing_import", r"imports what the host does not provide: env\.doesNotExist"),
])
def test_unloadable(load, guest, name, message):
    with pytest.raises(errors.WasmLoadError, match=f"module '{name}.wasm'.*{message}"):
        load(guest(f"hostile/{name}"))
