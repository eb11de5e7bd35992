"""GOLO_FAST_NO_EXTENSIONS, read once by golo_fast._accel, decides which implementation runs."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = ("import golo_fast.wasm as w, golo_fast._accel as a; "
         "r = w.load(sys.argv[1]); "
         "print(w.ACCELERATED, a.memproto.__name__, r.call_string('hello', 'x'))")


def run_probe(guest, value):
    env = dict(os.environ)
    env.pop("GOLO_FAST_NO_EXTENSIONS", None)
    if value is not None:
        env["GOLO_FAST_NO_EXTENSIONS"] = value
    out = subprocess.run([sys.executable, "-c", "import sys; " + PROBE, guest("hello")],
                         env=env, capture_output=True, text=True, check=True)
    return out.stdout.split()


@pytest.mark.parametrize("value, accelerated", [
    (None, True), ("", True), ("0", True), ("1", False),
])
def test_switch(guest, value, accelerated):
    flag, module, *result = run_probe(guest, value)
    assert flag == str(accelerated)
    assert module == ("golo_fast._memproto" if accelerated else "golo_fast._memproto_py")
    assert result == ["Hello,", "x!!!"]


def test_switch_is_read_once():
    # changing the variable after import changes nothing: the choice was published
    code = ("import os, golo_fast._accel as a; before = a.ACCELERATED; "
            "os.environ['GOLO_FAST_NO_EXTENSIONS'] = '1'; import golo_fast.wasm as w; "
            "print(before, w.ACCELERATED)")
    env = {k: v for k, v in os.environ.items() if k != "GOLO_FAST_NO_EXTENSIONS"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["True", "True"]


def test_selector_names():
    from golo_fast import _accel
    assert _accel.implementation("python").__name__ == "golo_fast._memproto_py"
    assert _accel.implementation("cython").__name__ == "golo_fast._memproto"
    with pytest.raises(ValueError, match="unknown protocol implementation 'rust'"):
        _accel.implementation("rust")
