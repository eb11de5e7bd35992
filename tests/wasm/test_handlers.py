"""Host handlers: the article's default one, named ones, failures, re-entrancy."""
from __future__ import annotations

import pytest

from golo_fast import errors

ARTICLE_PREFIX = "👋 [WASM] you send me this: "


def test_article_host_function(load, guest):
    received = []

    def handler(message):
        received.append(message)
        return "🎉 tada!"

    with load(guest("host")) as r:
        r.register_string_handler(handler)
        for n in (1, 2, 3):
            text = f"Hello from GoloScript! (iteration {n})"
            assert r.call_string("processWithHost", text) == "Result from host: 🎉 tada!"
            assert received[-1] == ARTICLE_PREFIX + text


def test_replies_of_every_size(load, guest):
    # the reply buffer is separate from the input buffer and grows on demand
    with load(guest("host")) as r:
        for size in (0, 1, 64, 65, 5000, 300_000, 3):
            reply = "é" * size
            r.register_string_handler(lambda message, reply=reply: reply)
            assert r.call_string("processWithHost", "x" * (size // 2)) == \
                f"Result from host: {reply}"


def test_bytes_reply(load, guest):
    with load(guest("host")) as r:
        r.register_string_handler(lambda message: b"raw")
        assert r.call_string("processWithHost", "x") == "Result from host: raw"


def test_handler_replaced(load, guest):
    with load(guest("host")) as r:
        r.register_string_handler(lambda m: "one")
        assert r.call_string("processWithHost", "x") == "Result from host: one"
        r.register_string_handler(lambda m: "two")
        assert r.call_string("processWithHost", "x") == "Result from host: two"


def test_named_handlers(load, guest):
    with load(guest("named")) as r:
        r.register_string_handler(lambda m: m.upper(), name="upper")
        r.register_string_handler(lambda m: m[::-1], name="reverse")
        r.register_string_handler(lambda m: f"default got {m}")
        assert r.call_string("route", "upper:hello") == "upper -> HELLO"
        assert r.call_string("route", "reverse:stressed") == "reverse -> desserts"
        assert r.call_string("route", "upper:") == "upper -> "
        assert r.call_string("route", "default:via name") == "default -> default got via name"
        assert r.call_string("viaDefault", "plain") == "default got plain"
        r.register_string_handler(lambda m: f"<{m}>", name="日本")
        assert r.call_string("route", "日本:語") == "日本 -> <語>"


def test_unknown_named_handler(load, guest):
    with load(guest("named")) as r:
        r.register_string_handler(lambda m: m, name="known")
        with pytest.raises(errors.HandlerError,
                           match=r"'named.wasm', export 'route': the guest called handler "
                                 r"'missing' but none is registered under that name "
                                 r"\(registered: \['known'\]\)"):
            r.call_string("route", "missing:x")
        assert r.call_string("route", "known:x") == "known -> x"


def test_handler_that_raises(load, guest):
    def handler(message):
        raise ValueError(f"cannot handle {message!r}")

    with load(guest("host")) as r:
        r.register_string_handler(handler)
        with pytest.raises(errors.HandlerError,
                           match=r"'host.wasm', export 'processWithHost': handler 'default' "
                                 r"raised ValueError: cannot handle") as info:
            r.call_string("processWithHost", "boom")
        assert isinstance(info.value.__cause__, ValueError)   # the original, chained
        r.register_string_handler(lambda m: "fine")
        assert r.call_string("processWithHost", "x") == "Result from host: fine"


def test_handler_returning_a_non_string(load, guest):
    with load(guest("named")) as r:
        r.register_string_handler(lambda m: 42, name="num")
        with pytest.raises(errors.HandlerError, match=r"handler 'num' returned int, expected str"):
            r.call_string("route", "num:x")
        r.register_string_handler(lambda m: "ok", name="num")
        assert r.call_string("route", "num:x") == "num -> ok"


def test_register_rejects_non_callables(load, guest):
    with load(guest("host")) as r:
        with pytest.raises(TypeError, match="must be callable"):
            r.register_string_handler("not a function")


def test_reentrant_call_raises_a_clear_error(load, guest):
    # Decision (documented in golo_fast/_memproto_py.py): a runner is not re-entrant.
    with load(guest("host")) as r:
        def handler(message):
            return r.call_string("processWithHost", "inner")

        r.register_string_handler(handler)
        with pytest.raises(errors.HandlerError) as info:
            r.call_string("processWithHost", "outer")
        cause = info.value.__cause__
        assert isinstance(cause, errors.WasmReentrancyError)
        assert str(cause) == (
            "module 'host.wasm': call_string('processWithHost') called while export "
            "'processWithHost' is running on the same thread (a handler called back into its "
            "own runner); runners are not re-entrant")
        r.register_string_handler(lambda m: "again")
        assert r.call_string("processWithHost", "x") == "Result from host: again"


def test_close_from_a_handler_is_refused(load, guest):
    with load(guest("host")) as r:
        r.register_string_handler(lambda m: r.close())
        with pytest.raises(errors.HandlerError) as info:
            r.call_string("processWithHost", "x")
        assert isinstance(info.value.__cause__, errors.WasmReentrancyError)
        assert not r.closed


def test_handler_may_call_another_runner(load, guest):
    with load(guest("hello")) as other, load(guest("host")) as r:
        r.register_string_handler(lambda m: other.call_string("hello", m[-3:]))
        assert r.call_string("processWithHost", "abc") == "Result from host: Hello, abc!!!"


def test_handler_reply_with_guest_without_allocator(load, guest):
    # handler_spam has no allocator: replies go right after the live input at 1024
    replies = []
    with load(guest("hostile/handler_spam")) as r:
        r.register_string_handler(lambda m: replies.append(m) or "r" * 100)
        assert r.call_string("run", "i" * 1000) == "done"
        assert len(replies) == 100_000


# A guest without an allocator that shows where the host put the reply: `reply` returns the
# reply itself, `keep` returns its own input after the handler ran (intact only if the host
# placed the reply elsewhere).
NOMALLOC_REPLY_WAT = """
(module
  (import "env" "hostCallStringHandler" (func $call (param i32 i32) (result i32)))
  (import "env" "hostGetResultPtr" (func $reply_ptr (result i32)))
  (import "env" "hostGetResultLen" (func $reply_len (result i32)))
  (memory (export "memory") 2)
  (global $ptr (mut i32) (i32.const 0))
  (global $len (mut i32) (i32.const 0))
  (func (export "getResultPtr") (result i32) global.get $ptr)
  (func (export "getResultLen") (result i32) global.get $len)
  (func (export "reply") (param i32 i32)
    (drop (call $call (local.get 0) (local.get 1)))
    (global.set $ptr (call $reply_ptr))
    (global.set $len (call $reply_len)))
  (func (export "keep") (param i32 i32)
    (drop (call $call (local.get 0) (local.get 1)))
    (global.set $ptr (local.get 0))
    (global.set $len (local.get 1))))
"""


@pytest.fixture
def nomalloc_reply_guest(wat2wasm):
    return wat2wasm(NOMALLOC_REPLY_WAT)


def test_reply_without_allocator_goes_after_the_input(load, nomalloc_reply_guest):
    with load(nomalloc_reply_guest, name="nomalloc_reply") as r:
        r.register_string_handler(lambda m: m.upper() * 3)
        assert r.call_string("reply", "abc") == "ABCABCABC"
        assert r.call_string("keep", "abcde") == "abcde"
        long_input = "q" * 1001
        assert r.call_string("keep", long_input) == long_input
        assert r.call_string("reply", long_input) == long_input.upper() * 3


def test_reply_that_does_not_fit_without_allocator(load, nomalloc_reply_guest):
    with load(nomalloc_reply_guest, name="nomalloc_reply") as r:
        r.register_string_handler(lambda m: "z" * 200_000)   # memory is 128 KiB
        with pytest.raises(errors.WasmMemoryError,
                           match=r"'nomalloc_reply', export 'reply': handler reply ptr=1032 "
                                 r"len=200000 ends at 201032, past the end of guest memory "
                                 r"\(131072 bytes\)"):
            r.call_string("reply", "abc")
        r.register_string_handler(lambda m: m)
        assert r.call_string("reply", "fits") == "fits"


def test_handler_returning_unencodable_text(load, guest):
    with load(guest("host")) as r:
        r.register_string_handler(lambda m: "\udc80")
        with pytest.raises(errors.HandlerError,
                           match="returned text that is not encodable as UTF-8: surrogates "
                                 "not allowed") as info:
            r.call_string("processWithHost", "x")
        assert isinstance(info.value.__cause__, UnicodeEncodeError)
        r.register_string_handler(lambda m: "fine")
        assert r.call_string("processWithHost", "x") == "Result from host: fine"
