"""One 10 B string round trip through a peer runtime, timed the same way for every peer.

    <venv>/bin/python peer_bench.py PEER --wasm GUEST.wasm [--quick]

PEER is golo-fast or golo-fast-wasmtime (golo-fast on its wasmer or its wasmtime engine, run
in golo-fast's own .venv), wasmtime (wasmtime-py's public API),
extism (the Extism Python SDK) or pywasm3. Each runs in its own venv (benchmarks/peers/setup.sh)
and imports nothing from golo-fast but its own package, so a peer is measured as its users
would call it. The guest is guests/echo.wasm (the article's protocol: write input, echo(ptr,
len), getResultPtr(), getResultLen(), read) for all but Extism, whose plugins speak Extism's
own ABI: benchmarks/peers/extism_echo.wat, which echoes its input through the Extism kernel.

Timing: a round is `ops` round trips in a loop (ops chosen so that a round lasts >= 10 ms);
the result is the median over rounds, per round trip. Prints one JSON object.
`--quick` makes three calls and no timing (what `make test` runs).
`--serve` prints the JSON (without timing), then answers each line `OPS` read from stdin with
the nanoseconds that OPS round trips took: benchmarks/test_bench_peers.py keeps golo-fast and
a peer open side by side this way and times them in alternation, so both see the same load.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time

TEXT = "0123456789"


def golo_fast(path: str, engine: str | None = None):
    from golo_fast import wasm
    runner = wasm.load(path) if engine is None else wasm.load(path, engine=engine)
    name = "golo-fast " + _version("golo-fast") + (f" ({engine})" if engine else " (wasmer)")
    return name, lambda text: runner.call_string("echo", text)


def golo_fast_wasmtime(path: str):
    return golo_fast(path, "wasmtime")


def wasmtime_py(path: str):
    import wasmtime
    store = wasmtime.Store()
    module = wasmtime.Module.from_file(store.engine, path)
    instance = wasmtime.Instance(store, module, [])
    exports = instance.exports(store)
    exports["_initialize"](store)
    memory = exports["memory"]
    echo, get_ptr, get_len = exports["echo"], exports["getResultPtr"], exports["getResultLen"]
    ptr = exports["malloc"](store, 64)

    def call(text: str) -> str:
        data = text.encode("utf-8")
        memory.write(store, data, ptr)
        echo(store, ptr, len(data))
        result_ptr = get_ptr(store) & 0xFFFFFFFF
        result_len = get_len(store) & 0xFFFFFFFF
        return memory.read(store, result_ptr, result_ptr + result_len).decode("utf-8")

    return "wasmtime-py " + _version("wasmtime"), call


def extism_sdk(path: str):
    import extism
    with open(path, "rb") as f:
        plugin = extism.Plugin(f.read(), wasi=False)

    def call(text: str) -> str:
        return plugin.call("echo", text.encode("utf-8")).decode("utf-8")

    return "extism " + _version("extism") + ", extism-sys " + _version("extism-sys"), call


def pywasm3(path: str):
    import wasm3
    environment = wasm3.Environment()
    runtime = environment.new_runtime(64 * 1024)
    with open(path, "rb") as f:
        runtime.load(environment.parse_module(f.read()))
    runtime.find_function("_initialize")()
    echo = runtime.find_function("echo")
    get_ptr = runtime.find_function("getResultPtr")
    get_len = runtime.find_function("getResultLen")
    ptr = runtime.find_function("malloc")(64)

    def call(text: str) -> str:
        data = text.encode("utf-8")
        runtime.get_memory(0)[ptr:ptr + len(data)] = data   # the view is re-taken per access:
        echo(ptr, len(data))                                # memory may grow in any call
        result_ptr = get_ptr() & 0xFFFFFFFF
        result_len = get_len() & 0xFFFFFFFF
        return bytes(runtime.get_memory(0)[result_ptr:result_ptr + result_len]).decode("utf-8")

    return "pywasm3 " + _version("pywasm3"), call


PEERS = {"golo-fast": golo_fast, "golo-fast-wasmtime": golo_fast_wasmtime,
         "wasmtime": wasmtime_py, "extism": extism_sdk, "pywasm3": pywasm3}


def _version(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version(distribution)
    except PackageNotFoundError:
        return "?"


def measure(call, rounds: int) -> dict:
    ops = 1
    while True:   # calibrate: a round of >= 10 ms
        start = time.perf_counter_ns()
        for _ in range(ops):
            call(TEXT)
        if time.perf_counter_ns() - start >= 10_000_000:
            break
        ops *= 2
    per_call = []
    for _ in range(rounds):
        start = time.perf_counter_ns()
        for _ in range(ops):
            call(TEXT)
        per_call.append((time.perf_counter_ns() - start) / ops)
    return {"median_ns": statistics.median(per_call), "min_ns": min(per_call), "ops": ops,
            "rounds": rounds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("peer", choices=sorted(PEERS))
    parser.add_argument("--wasm", required=True)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--serve", action="store_true")
    args = parser.parse_args()
    name, call = PEERS[args.peer](args.wasm)
    outputs = [call(TEXT) for _ in range(3)]
    result = {"peer": args.peer, "version": name, "output": outputs[-1],
              "consistent": len(set(outputs)) == 1}
    if args.serve:
        serve(call, result)
        return
    if not args.quick:
        result.update(measure(call, args.rounds))
    print(json.dumps(result))


def serve(call, result: dict) -> None:
    import sys
    print(json.dumps(result), flush=True)
    for line in sys.stdin:
        ops = int(line)
        start = time.perf_counter_ns()
        for _ in range(ops):
            call(TEXT)
        print(time.perf_counter_ns() - start, flush=True)


if __name__ == "__main__":
    main()
