"""Memory that grows during a call: the result lives in pages that did not exist before it."""
from __future__ import annotations

import math


TWO_MIB = 2 * 1024 * 1024


def expected_grow(pattern: bytes) -> bytes:
    pattern = pattern or b"."
    return b"GROWN:::" + pattern * math.ceil((TWO_MIB - 8) / len(pattern))


def test_result_in_new_pages(load, guest):
    with load(guest("grow")) as r:
        for data in (b"", b"ab", b"0123456789", "é".encode() * 3):
            assert r.call_bytes("grow", data) == expected_grow(data)


def test_growth_between_calls_keeps_strings_working(load, guest):
    with load(guest("grow")) as r:
        text = "🌸"
        result = r.call_string("grow", text)
        assert result == expected_grow(text.encode()).decode()
        # memory is now > 2 MiB larger; the input buffer from before the growth still works
        assert r.call_string("grow", "xy")[:12] == "GROWN:::xyxy"
