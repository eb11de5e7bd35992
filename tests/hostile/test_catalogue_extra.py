"""Hostile guests, the cases tests/wasm/test_hostile.py and test_handlers.py leave open: each
gives its documented error (or works), and the same runner answers a normal call right after.

- memory grown to its maximum inside the call: through call_bytes, again once at the maximum,
  and against a lower cap (wasmtime's max_pages: the growth fails, the guest traps);
- handlers returning every kind of non-string, re-entering the runner every way (on every
  engine, one host call per guest call);
- the same, and handlers replacing themselves or failing once, during the 100,000 host calls
  of one `handler_spam` call, also on a runner shared between threads.
"""
from __future__ import annotations

import functools
import threading

import pytest

from golo_fast import errors


def assert_still_works(r, text="after"):
    assert r.call_string("ok", text) == f"Hello, {text}!!!"


def test_grow_max_bytes_and_repeated(load, guest):
    with load(guest("hostile/grow_max")) as r:
        payload = bytes(range(256)) * 200            # 51,200 bytes, inside the 64 KiB input area
        assert r.call_bytes("run", payload) == b"grown:" + payload
        for n in range(3):                           # at the maximum: no growth, still right
            assert r.call_string("run", f"again {n}") == f"again {n}".join(["grown:", ""])
        with pytest.raises(errors.WasmMemoryError, match=r"655364, past the end"):
            r.call_bytes("overrun", b"")
        assert_still_works(r)
        with pytest.raises(errors.WasmTrap):         # too long an input: the guest's own trap
            r.call_bytes("run", b"x" * 65537)
        assert r.call_bytes("run", b"z") == b"grown:z"


def test_growth_past_a_memory_cap(load, guest, engine):
    if engine == "wasmer":
        with pytest.raises(errors.WasmUnsupportedError, match="max_pages"):
            load(guest("hostile/grow_max"), max_pages=5)
        return
    with load(guest("hostile/grow_max"), max_pages=5) as r:
        assert_still_works(r)
        # memory.grow to 10 pages fails under a 5-page cap: the guest traps (its own check)
        with pytest.raises(errors.WasmTrap, match=r"'run': guest trapped"):
            r.call_string("run", "abc")
        assert_still_works(r)


NON_STRINGS = [(None, "NoneType"), (42, "int"), (["a"], "list"), (bytearray(b"x"), "bytearray"),
               (memoryview(b"x"), "memoryview"), (3.5, "float")]


@pytest.fixture
def spam_load(impl):
    """`load` for the 100,000-host-call guest, on wasmer, whose host calls are cheap (~3 µs;
    wasmtime-py's ~50-75 µs make 5-9 s per spam call). The Session logic these tests exercise
    is the same on both engines, and the single-call variants above run on every engine."""
    from golo_fast import wasm
    from hostile_support import available_engines
    if "wasmer" not in available_engines():
        pytest.skip("the 100,000-host-call variants need wasmer's cheap host calls (5-9 s a "
                    "spam call on wasmtime-py; tests/wasm/test_hostile.py spams there)")
    return functools.partial(wasm.load, implementation=impl, engine="wasmer")


def test_handler_returning_non_strings(load, guest):
    with load(guest("host")) as r:
        for reply, described in NON_STRINGS:
            r.register_string_handler(lambda m, reply=reply: reply)
            with pytest.raises(errors.HandlerError,
                               match=rf"'processWithHost': handler 'default' returned "
                                     rf"{described}, expected str"):
                r.call_string("processWithHost", "x")
            r.register_string_handler(lambda m: "fine")
            assert r.call_string("processWithHost", "x") == "Result from host: fine"


def test_spam_handler_returning_none(spam_load, guest):
    calls = []

    def handler(message):
        calls.append(message)

    with spam_load(guest("hostile/handler_spam")) as r:
        r.register_string_handler(handler)
        with pytest.raises(errors.HandlerError,
                           match=r"'run': handler 'default' returned NoneType, expected str"):
            r.call_string("run", "go")
        # the guest ignores the failure codes and goes on: every call reached the handler,
        # and one error (the first) came out
        assert len(calls) == 100_000
        assert_still_works(r)
        r.register_string_handler(lambda m: "fine")
        assert r.call_string("run", "go") == "done"


def test_spam_handler_string_subclass_is_a_string(spam_load, guest):
    class Shout(str):
        pass

    with spam_load(guest("hostile/handler_spam")) as r:
        r.register_string_handler(lambda m: Shout(m.upper()))
        assert r.call_string("run", "go") == "done"
        assert_still_works(r)


def test_handler_re_entering_the_runner_every_way(load, guest):
    with load(guest("host")) as r:
        for how in ("call_string", "call_bytes", "call", "close", "functions"):
            def handler(message, how=how):
                if how == "call_string":
                    r.call_string("processWithHost", "inner")
                elif how == "call_bytes":
                    r.call_bytes("processWithHost", b"inner")
                elif how == "call":
                    r.call("malloc", 16)
                elif how == "close":
                    r.close()
                else:   # metadata needs no guest call: allowed from a handler
                    return ",".join(r.functions()[:1])
                return "unreachable"

            r.register_string_handler(handler)
            if how == "functions":
                assert r.call_string("processWithHost", "x") == \
                    "Result from host: " + r.functions()[0]
                continue
            with pytest.raises(errors.HandlerError) as info:
                r.call_string("processWithHost", "outer")
            assert isinstance(info.value.__cause__, errors.WasmReentrancyError), how
            assert not r.closed
            r.register_string_handler(lambda m: "again")
            assert r.call_string("processWithHost", "x") == "Result from host: again"


def test_spam_handler_re_entering_the_runner(spam_load, guest):
    # the first of the 100,000 host calls tries to call back into the runner and is refused;
    # the 99,999 others answer normally, and the refusal is what the call raises
    calls, refusals = [], []

    with spam_load(guest("hostile/handler_spam")) as r:
        def handler(message):
            calls.append(message)
            if len(calls) == 1:
                try:
                    r.call_string("ok", "inner")
                except errors.WasmReentrancyError as exc:
                    refusals.append(exc)
                    raise
            return "fine"

        r.register_string_handler(handler)
        with pytest.raises(errors.HandlerError) as info:
            r.call_string("run", "go")
        assert info.value.__cause__ is refusals[0]
        assert "runners are not re-entrant" in str(refusals[0])
        assert len(calls) == 100_000
        assert not r.closed
        assert r.call_string("run", "go") == "done"
        assert_still_works(r)


def test_spam_handler_replacing_itself_mid_call(spam_load, guest):
    first, second = [], []
    with spam_load(guest("hostile/handler_spam")) as r:
        def replacement(message):
            second.append(message)
            return "2"

        def original(message):
            first.append(message)
            r.register_string_handler(replacement)   # allowed: takes effect on the next call
            return "1"

        r.register_string_handler(original)
        assert r.call_string("run", "go") == "done"
        assert (len(first), len(second)) == (1, 99_999)
        assert_still_works(r)


def test_spam_handler_failing_once_in_the_middle(spam_load, guest):
    count = [0]

    def handler(message):
        count[0] += 1
        if count[0] == 50_000:
            raise KeyError("the 50,000th")
        return "ok"

    with spam_load(guest("hostile/handler_spam")) as r:
        r.register_string_handler(handler)
        with pytest.raises(errors.HandlerError, match=r"raised KeyError: 'the 50,000th'") as info:
            r.call_string("run", "go")
        assert isinstance(info.value.__cause__, KeyError)
        assert count[0] == 100_000
        # the next call starts clean: no error left over from the last one
        assert r.call_string("run", "go") == "done"
        assert_still_works(r)


def test_spam_on_a_runner_shared_between_threads(spam_load, guest):
    seen_threads = set()

    def handler(message):
        seen_threads.add(threading.get_ident())
        return message

    with spam_load(guest("hostile/handler_spam"), threads=True) as r:
        r.register_string_handler(handler)
        results = []
        t = threading.Thread(target=lambda: results.append(r.call_string("run", "go")))
        t.start()
        t.join()
        assert results == ["done"]
        assert len(seen_threads) == 1                  # the runner's own thread ran them all
        assert_still_works(r)
