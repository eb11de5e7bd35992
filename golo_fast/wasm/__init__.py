"""golo_fast.wasm: load a WebAssembly guest and call it with strings, bytes or numbers.

    from golo_fast import wasm
    with wasm.load("guests/hello.wasm") as r:
        r.call_string("hello", "Bob")          # -> "Hello, Bob!!!"

`ACCELERATED` is True when calls go through the Cython extension (see golo_fast._accel).
Each export's protocol (the article's 3-function one, or a packed `ptr << 32 | len` return) and
each import's binding are detected at load (docs/protocols.md; `Runner.describe(name)` says
which); the protocols, allocation policy, handler ABI, string host imports and re-entrancy
rules are specified in golo_fast/_memproto_py.py; sandbox defaults in WasiConfig; errors in
golo_fast.errors.
"""
from golo_fast._accel import ACCELERATED
from golo_fast.wasm._runner import Runner, load
from golo_fast.wasm._wasi import WasiConfig

__all__ = ["ACCELERATED", "Runner", "WasiConfig", "load"]
