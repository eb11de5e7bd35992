"""Fuzzing the memory protocol at the Session level: the Cython module and its twin, driven
through whole calls by a scripted fake guest, give the same result or the same error (class
and message), make the same guest calls, leave the same bytes in memory, and never read or
write outside the memory.

How out-of-range access is detected without a debug build:
- "guarded" memories are a slice of a larger bytearray, with GUARD bytes on both sides that
  only an out-of-range write could change; every run checks they are untouched;
- every successful result is compared with the bytes the model says lie at [ptr, ptr+len),
  which the test first checks are inside the memory (so nothing was read from outside);
- "growing" memories are a bytearray the guest extends *during* the call, as memory.grow
  does: resizing fails with BufferError while anyone holds a view of it, so a session that
  kept a view or pointer across a guest call fails the test instead of reading stale memory.

tests/wasm/test_memproto.py checks the module-level functions (read_bytes, write_bytes,
check_range) against each other; this file drives the Session: input placement (malloc'd or
fixed offset), getters, host handler calls with hostile pointers, reply placement, growth,
traps and re-entrancy.
"""
from __future__ import annotations

import json

from hypothesis import example, given
from hypothesis import strategies as st

from golo_fast import _accel
from golo_fast.errors import WasmExportError, WasmTrap
from hostile_support import REGRESSIONS, fuzz_settings

IMPLEMENTATIONS = {"cython": _accel.implementation("cython"),
                   "python": _accel.implementation("python")}
GUARD = 256
GUARD_BYTE = 0xA5


class FakeTrap(RuntimeError):
    """What the fake engine raises when the scripted guest traps."""


hostile_ints = st.one_of(st.integers(-(2**31), 2**32 - 1),
                         st.sampled_from([0, 1, -1, -16, 1024, 2**31 - 1, -(2**31), 2**32 - 1,
                                          2**32 - 16]))
handler_behaviours = st.sampled_from(["echo", "bytes", "empty", "big", "int", "none",
                                      "bytearray", "raise", "reenter", "close"])


@st.composite
def scenarios(draw):
    """A whole call: memory, allocator answers, what the guest does inside, what it returns.
    Numbers are mostly plausible (inside memory, so calls get deep) and sometimes hostile."""
    size = draw(st.one_of(st.integers(0, 6000), st.integers(2048, 70000)))

    def number(limit=None):
        top = max(0, limit if limit is not None else size)
        near = st.integers(0, top)
        edge = st.sampled_from([top, max(0, top - 1), top + 1])
        return draw(st.one_of(near, near, near, near, near, edge, hostile_ints))

    def place():
        ptr = number()
        room = max(0, size - ptr) if 0 <= ptr <= size else None
        if draw(st.booleans()):
            return ptr, draw(st.integers(0, min(room or 0, 40)))   # short: usually text
        return ptr, number(room)

    actions = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["handler", "handler", "named", "grow", "trap"]))
        if kind == "grow":
            actions.append(("grow", draw(st.integers(1, 70000))))
        elif kind == "trap":
            actions.append(("trap",))
        else:
            actions.append(("handler", "default" if kind == "handler" else "named",
                            *place(), *place()))
    return {
        "memory": draw(st.sampled_from(["guarded", "growing"])),
        "size": size,
        "malloc": None if draw(st.booleans()) else [
            number(max(0, size - 1024)) for _ in range(draw(st.integers(1, 4)))],
        "api": draw(st.sampled_from(["call_string", "call_bytes"])),
        "payload": draw(st.one_of(st.text(max_size=300), st.binary(max_size=300).map(list))),
        "actions": actions,
        "handler": draw(handler_behaviours),
        "names": draw(st.lists(st.sampled_from(["default", "log", "日本"]), max_size=2,
                               unique=True)),
        "result": place(),
    }


class Run:
    """One scenario against one implementation: the fake guest and what it observed."""

    def __init__(self, impl: str, sc: dict):
        self.sc = sc
        self.memproto = IMPLEMENTATIONS[impl]
        self.events = []
        size = sc["size"]
        # printable ASCII with an invalid UTF-8 byte every 1000 (never GUARD_BYTE): short
        # reads are mostly text, long ones often are not
        content = bytes(0xFF if i % 1000 == 999 else 32 + (i * 7 + 3) % 95 for i in range(size))
        if sc["memory"] == "guarded":
            self.backing = bytearray([GUARD_BYTE]) * GUARD + bytearray(content) + \
                bytearray([GUARD_BYTE]) * GUARD
            self.memory = memoryview(self.backing)[GUARD:GUARD + size]
        else:
            self.backing = None
            self.memory = bytearray(content)
        self.mallocs = list(sc["malloc"] or [])
        self.session = self.memproto.Session("fz.wasm", self.explain)
        self.session.attach(
            self.memory, {"fn": self.fn, "ok": self.ok}, {"fn": self.fn, "num": self.num},
            self.malloc if sc["malloc"] is not None else None,
            self.free if sc["malloc"] is not None else None,
            self.get_ptr, self.get_len, (FakeTrap,),
            lambda exc, export: WasmTrap(f"module 'fz.wasm', export {export!r}: trapped: {exc}"))
        for name in sc["names"]:
            self.session.register_handler(name, self.handler)
        self.result = sc["result"]

    @staticmethod
    def explain(api, name):
        return WasmExportError(f"{api}: no {name!r}")

    # -- the fake guest ------------------------------------------------------------------------

    def size(self) -> int:
        return len(self.memory) if self.backing is None else self.memory.nbytes

    def inside(self, ptr: int, length: int) -> bool:
        return ptr + length <= self.size()

    def malloc(self, n):
        self.events.append(("malloc", n))
        ptr = self.mallocs.pop(0) if self.mallocs else 0
        return ptr

    def free(self, ptr):
        self.events.append(("free", ptr))

    def get_ptr(self):
        return self.result[0]

    def get_len(self):
        return self.result[1]

    def fn(self, ptr, length):
        # the input must be where the host says, entirely inside memory, and exact
        assert self.inside(ptr, length), (ptr, length, self.size())
        self.events.append(("fn", ptr, length, bytes(self.memory[ptr:ptr + length])))
        for action in self.sc["actions"]:
            if action[0] == "grow":
                if self.backing is not None:
                    continue   # a slice cannot grow; the growing memories test this
                self.memory.extend(bytes(action[1]))   # BufferError if a view is held
                self.events.append(("grew", len(self.memory)))
            elif action[0] == "trap":
                self.events.append(("trap",))
                raise FakeTrap("unreachable")
            else:
                _, kind, name_ptr, name_len, mptr, mlen = action
                if kind == "default":
                    code = self.session.host_call_string(mptr, mlen)
                else:
                    # a named call with a valid name when the numbers allow, else hostile ones
                    code = self.session.host_call_named(name_ptr, name_len, mptr, mlen)
                rptr = self.session.host_result_ptr()
                rlen = self.session.host_result_len()
                reply = None
                if rlen:
                    assert self.inside(rptr, rlen), (rptr, rlen, self.size())
                    reply = bytes(self.memory[rptr:rptr + rlen])
                self.events.append(("handled", code, rptr, rlen, reply))

    def ok(self, ptr, length):
        # a normal call: the result is the input, where the host put it
        self.events.append(("ok", ptr, length, bytes(self.memory[ptr:ptr + length])))
        self.result = (ptr, length)

    def num(self, a, b):
        return (a + b) & 0xFFFFFFFF

    def handler(self, message):
        self.events.append(("handler", message))
        behaviour = self.sc["handler"]
        if behaviour == "echo":
            return message
        if behaviour == "bytes":
            return message.encode("utf-8") + b"\xff"
        if behaviour == "empty":
            return ""
        if behaviour == "big":
            return "é" * 3000
        if behaviour == "int":
            return 42
        if behaviour == "none":
            return None
        if behaviour == "bytearray":
            return bytearray(b"ba")
        if behaviour == "raise":
            raise ValueError(f"handler refuses {message[:10]!r}")
        if behaviour == "reenter":
            return self.session.call_string("fn", "inner")
        self.session.close()
        return "closed"

    # -- the run ---------------------------------------------------------------------------------

    def outcome(self, fn, *args):
        try:
            value = fn(*args)
        except Exception as exc:
            cause = exc.__cause__
            return ("error", type(exc).__name__, str(exc),
                    type(cause).__name__ if cause is not None else None)
        if isinstance(value, (bytes, str)):
            # the model: what lies at the result's (masked) place, which must be inside memory
            ptr, length = self.result[0] & 0xFFFFFFFF, self.result[1] & 0xFFFFFFFF
            assert self.inside(ptr, length), ("read outside memory", ptr, length, self.size())
            expected = bytes(self.memory[ptr:ptr + length])
            assert (value.encode("utf-8") if isinstance(value, str) else value) == expected
        return ("ok", value)

    def play(self):
        sc = self.sc
        payload = sc["payload"]
        if sc["api"] == "call_string":
            data = payload if isinstance(payload, str) else bytes(payload).decode("latin-1")
            first = self.outcome(self.session.call_string, "fn", data)
        else:
            data = bytes(payload) if isinstance(payload, list) else payload.encode("utf-8")
            first = self.outcome(self.session.call_bytes, "fn", data)
        # afterwards: a numeric call and a normal protocol call on the same session
        self.sc = dict(sc, actions=[])
        self.mallocs = [self.size() // 2] if self.size() >= 256 else []
        second = self.outcome(self.session.call, "num", (40, 2))
        third = self.outcome(self.session.call_bytes, "ok", b"after")
        guards = None
        if self.backing is not None:
            guards = (bytes(self.backing[:GUARD]), bytes(self.backing[GUARD + sc["size"]:]))
            assert guards == (bytes([GUARD_BYTE]) * GUARD,) * 2, "a write outside memory"
        return {"outcomes": [first, second, third], "events": self.events,
                "memory": bytes(self.memory), "closed": self.session.closed}


def check(sc: dict):
    runs = {impl: Run(impl, sc).play() for impl in IMPLEMENTATIONS}
    assert runs["cython"] == runs["python"]
    return runs["python"]


def _scenario(path):
    sc = json.loads(path.read_text())
    sc["actions"] = [tuple(a) for a in sc["actions"]]
    sc["result"] = tuple(sc["result"])
    return sc


def replay_regressions(test):
    """Every scenario saved under regressions/memproto/ runs first, as an explicit example."""
    for path in sorted((REGRESSIONS / "memproto").glob("*.json")):
        test = example(_scenario(path))(test)
    return test


# Corners worth running every time, whatever the random draw.
WRAPPING_RESULT = dict(memory="guarded", size=4096, malloc=None, api="call_bytes", payload=[1],
                       actions=[], handler="echo", names=[], result=(1024, -16))
REENTER_AFTER_GROWTH = dict(memory="growing", size=2048, malloc=[64], api="call_string",
                            payload="hi", actions=[("grow", 70000),
                                                   ("handler", "default", 0, 0, 64, 2)],
                            handler="reenter", names=["default"], result=(64, 2))
HOSTILE_MALLOC = dict(memory="guarded", size=1000, malloc=[990, 2**32 - 16], api="call_string",
                      payload="x" * 20, actions=[("handler", "named", 0, 3, 0, 4)],
                      handler="big", names=["log"], result=(0, 0))

HANDLER_REPLIES = dict(memory="growing", size=70000, malloc=[4096, 8192, 16384],
                       api="call_string", payload="ping",
                       actions=[("handler", "default", 0, 0, 100, 20), ("grow", 65536),
                                ("handler", "default", 0, 0, 69990, 10)],
                       handler="big", names=["default"], result=(100, 20))
NO_ALLOCATOR_REPLY = dict(HANDLER_REPLIES, malloc=None, handler="echo")


@fuzz_settings(200)
@example(HANDLER_REPLIES)
@example(NO_ALLOCATOR_REPLY)
@example(WRAPPING_RESULT)
@example(REENTER_AFTER_GROWTH)
@example(HOSTILE_MALLOC)
@replay_regressions
@given(scenarios())
def test_sessions_agree_and_stay_in_bounds(sc):
    check(sc)
