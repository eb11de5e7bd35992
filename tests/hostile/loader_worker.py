"""Loads a batch of (mutated) wasm files and records what happened to each; run by
test_fuzz_loader.py in a subprocess, so a crash of the interpreter fails the test instead of
killing the test run.

    python loader_worker.py RESULTS ENGINE[,ENGINE] FILE...

For each file it appends to RESULTS a line `start <file>` (flushed first: if the process dies,
the last such line names the culprit), then one JSON line: {"file", "steps": [[what, outcome],
...]}. An outcome is "ok", the name of a GoloError class, or "BUG <type>: <message>" for any
other exception. wasmtime runs first, with fuel, so a mutant that loops forever stops there
("WasmTimeout", or a WasmLoadError whose cause is one, at load); wasmer (which cannot be
interrupted) then only runs what finished on wasmtime.
"""
from __future__ import annotations

import json
import os
import sys

from golo_fast import wasm
from golo_fast.errors import GoloError, WasmTimeout

FUEL = 20_000_000
CALL_INPUT = b"fuzz \xf0\x9f\x8c\xb8"
NOT_PROTOCOL = {"_initialize", "_start", "malloc", "free", "getResultPtr", "getResultLen",
                "allocate", "deallocate"}


def outcome(fn, *args):
    try:
        fn(*args)
        return "ok"
    except GoloError as exc:
        timed_out = isinstance(exc, WasmTimeout) or isinstance(exc.__cause__, WasmTimeout)
        return "timeout" if timed_out else type(exc).__name__
    except Exception as exc:   # anything else is a bug in golo-fast
        return f"BUG {type(exc).__name__}: {exc}"


def exercise(runner, steps, prefix, allowed):
    """Metadata, then each export the protocol could call (at most 4), with a short input."""
    steps.append((f"{prefix} functions", outcome(runner.functions)))
    names = [n for n in runner.functions() if n not in NOT_PROTOCOL]
    for name in names[:4]:
        what = f"{prefix} call_bytes {name}"
        if allowed is not None and allowed.get(what.split(" ", 1)[1]) in (None, "timeout"):
            continue   # did not finish on wasmtime: never run it on wasmer
        steps.append((what, outcome(runner.call_bytes, name, CALL_INPUT)))
    steps.append((f"{prefix} close", outcome(runner.close)))


def one_file(path, engines, index):
    steps = []
    finished = None   # wasmtime's outcomes by "call_bytes name", to bound wasmer's
    impl = ("cython", "python")[index % 2]
    for engine in engines:
        limits = {"fuel": FUEL} if engine == "wasmtime" else {}
        if engine == "wasmer" and "wasmtime" in engines:
            load_outcome = dict(steps).get("wasmtime load")
            if load_outcome == "timeout":
                steps.append(("wasmer load", "skipped: loops on wasmtime"))
                continue
        holder = []
        load = outcome(lambda: holder.append(wasm.load(path, engine=engine, implementation=impl,
                                                       **limits)))
        steps.append((f"{engine} load", load))
        if holder:
            allowed = finished if engine == "wasmer" and "wasmtime" in engines else None
            exercise(holder[0], steps, engine, allowed)
            if engine == "wasmtime":
                finished = {what.split(" ", 1)[1]: result for what, result in steps
                            if what.startswith("wasmtime call_bytes")}
        elif engine == "wasmtime":
            finished = {}
    return steps


def main():
    results_path, files = sys.argv[1], sys.argv[3:]
    # wasmtime (with fuel) first: what loops forever there is never run on wasmer
    engines = sorted(sys.argv[2].split(","), key=lambda e: e != "wasmtime")
    # guests may write to fd 1/2 through WASI: keep the results file the only channel
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    with open(results_path, "a", buffering=1, encoding="utf-8") as results:
        for index, path in enumerate(files):
            results.write(f"start {path}\n")
            results.flush()
            steps = one_file(path, engines, index)
            results.write(json.dumps({"file": path, "steps": steps}) + "\n")
            results.flush()


if __name__ == "__main__":
    main()
