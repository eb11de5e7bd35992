"""Helpers shared by the benchmark files (imported as `benchlib`; conftest.py holds fixtures).

How a row of the table is described (read by benchmarks/report.py from the saved JSON):
`measure(benchmark, fn, label=..., ops=..., floor=..., target=...)` times `fn`, which does
`ops` operations (a loop inside the timed function: pytest-benchmark's own per-round overhead
then weighs the same on a measure and on its floor, and per-operation medians come out as
median / ops). `floor` names the label of the row it is divided by; `target` is the ratio it
must not exceed (None: reported, not judged). Floors are rows too, with `floor=None`.
"""
from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GUESTS = REPO / "guests"
BENCH = Path(__file__).resolve().parent
IMPLEMENTATIONS = ("cython", "python")

# Results of the peer runtimes, measured in their own venvs by benchmarks/test_bench_peers.py
# (subprocesses, so they are not pytest-benchmark rows); saved into the JSON by conftest.py.
PEER_RESULTS: dict[str, dict] = {}


def guest(name: str) -> str:
    """Path of a committed guest: guest("echo") -> guests/echo.wasm."""
    return str(GUESTS / f"{name}.wasm")


def measure(benchmark, fn, *, label: str, ops: int = 1, floor: str | None = None,
            target: float | None = None, group: str | None = None, paired: dict | None = None,
            **info):
    """Time `fn` (which performs `ops` operations) as the table row `label`; return fn's result.

    `paired` maps floor labels to their timed functions (each doing the same `ops`): after
    pytest-benchmark's rounds, the measure and each floor are timed in alternation and the
    ratio is saved (`paired_ratios`, see paired_ratio). Load from other processes comes and
    goes; two rows timed a minute apart see different machines, a window of alternating runs
    sees one.

    Under --benchmark-disable, fn runs exactly once (its result is still returned and checked).
    """
    benchmark.extra_info.update(label=label, ops=ops, floor=floor, target=target, **info)
    if group is not None:
        benchmark.group = group
    result = benchmark(fn)
    if paired and not benchmark.disabled:
        benchmark.extra_info["paired_ratios"] = {
            name: paired_ratio(fn, floor_fn) for name, floor_fn in paired.items()}
    return result


PAIRS = 41            # at most this many windows per paired ratio
PAIR_RUNS = 5         # runs of each side per window; the window keeps each side's fastest
PAIR_BUDGET = 2.0     # seconds a paired ratio may take (at least 5 windows)


def paired_ratio(fn, floor_fn, windows: int = PAIRS, runs: int = PAIR_RUNS,
                 budget: float = PAIR_BUDGET) -> float:
    """The median over windows of min time(fn) / min time(floor_fn), the two alternating
    inside a window (order flipped every run).

    Other processes on shared cores preempt us for whole time slices (milliseconds): a run
    that was preempted is slower by a slice, whichever side it was. Within a window the
    fastest run of each side is the one nobody interrupted, and the window is short enough
    that both sides saw the same machine (frequency, caches, the neighbours' load).
    """
    import statistics
    import time

    def timed(f) -> float:
        start = time.perf_counter()
        f()
        return time.perf_counter() - start

    once = timed(fn) + timed(floor_fn)
    windows = max(5, min(windows, int(budget / (runs * once)) if once > 0 else windows))
    ratios = []
    for w in range(windows):
        best = {fn: float("inf"), floor_fn: float("inf")}
        for r in range(runs):
            for f in ((fn, floor_fn) if (w + r) % 2 else (floor_fn, fn)):
                best[f] = min(best[f], timed(f))
        ratios.append(best[fn] / best[floor_fn])
    return statistics.median(ratios)


def measure_pedantic(benchmark, fn, *, label: str, rounds: int, setup=None, ops: int = 1,
                     floor: str | None = None, target: float | None = None,
                     group: str | None = None, **info):
    """Like measure(), for slow operations (process start-up): a fixed number of rounds, each
    with an optional untimed `setup()` that returns (args, kwargs) for fn."""
    benchmark.extra_info.update(label=label, ops=ops, floor=floor, target=target, **info)
    if group is not None:
        benchmark.group = group
    return benchmark.pedantic(fn, setup=setup, rounds=rounds, iterations=1, warmup_rounds=1
                              if setup is None else 0)


class RawGuest:
    """A guest instantiated with plain wasmer, the way the floors call it: every export looked
    up once and kept (`Function` objects), memory written through the buffer protocol.

    Same engine set-up as golo_fast's wasmer engine (one Universal store, cranelift), so a
    floor costs what wasmer itself costs for these calls. `host` maps import names of module
    "env" to (python function, params, results) as wasmer type names ("i32").
    """

    def __init__(self, name: str, host: dict | None = None):
        import wasmer
        import wasmer_compiler_cranelift

        store = wasmer.Store(wasmer.engine.Universal(wasmer_compiler_cranelift.Compiler))
        with open(guest(name), "rb") as f:
            module = wasmer.Module(store, f.read())
        types = {"i32": wasmer.Type.I32, "i64": wasmer.Type.I64}
        imports = {}
        for import_name, (fn, params, results) in (host or {}).items():
            signature = wasmer.FunctionType([types[t] for t in params],
                                            [types[t] for t in results])
            imports.setdefault("env", {})[import_name] = wasmer.Function(store, fn, signature)
        self.instance = wasmer.Instance(module, imports)
        self.exports = self.instance.exports
        self.memory = self.exports.memory
        if "_initialize" in {e.name for e in module.exports}:
            self.exports._initialize()

    def function(self, name: str):
        return getattr(self.exports, name)

    def malloc(self, size: int) -> int:
        ptr = self.exports.malloc(size) & 0xFFFFFFFF
        assert ptr != 0, f"malloc({size}) failed"
        return ptr

    def write(self, ptr: int, data: bytes) -> None:
        with memoryview(self.memory.buffer) as view:
            view[ptr:ptr + len(data)] = data

    def read(self, ptr: int, length: int) -> bytes:
        with memoryview(self.memory.buffer) as view:
            return bytes(view[ptr:ptr + length])


def plugin_sized_wasm(functions: int = 1000) -> bytes:
    """A guest the size of a small real plugin (~75 KB, `functions` loop-and-hash functions,
    internal like a plugin's own code: cranelift compiles every function, exported or not,
    in a few tenths of a second) that speaks the protocol: `echo(ptr, len)` makes the input
    its own result, zero-copy. The committed guests are a few KB and compile in
    milliseconds, so they cannot show what the compiled-module cache saves."""
    import wasmer
    parts = ['(module',
             '  (memory (export "memory") 2)',
             '  (global $rp (mut i32) (i32.const 0))',
             '  (global $rl (mut i32) (i32.const 0))',
             '  (func (export "getResultPtr") (result i32) (global.get $rp))',
             '  (func (export "getResultLen") (result i32) (global.get $rl))',
             '  (func (export "echo") (param i32 i32)',
             '    (global.set $rp (local.get 0)) (global.set $rl (local.get 1)))']
    for i in range(functions):
        parts.append(
            f'  (func $f{i} (param i64) (result i64) (local i64)'
            f' (local.set 1 (i64.const {i}))'
            ' (block (loop (br_if 1 (i64.eqz (local.get 0)))'
            ' (local.set 1 (i64.add (i64.mul (local.get 1) (i64.const 6364136223846793005))'
            ' (i64.const 1442695040888963407)))'
            ' (local.set 1 (i64.xor (local.get 1) (i64.shr_u (local.get 1) (i64.const 33))))'
            ' (local.set 0 (i64.sub (local.get 0) (i64.const 1))) (br 0)))'
            ' (local.get 1))')
    parts.append(')')
    return wasmer.wat2wasm("\n".join(parts))
