"""Peers on the same 10 B round trip: wasmtime-py's public API, the Extism SDK, pywasm3.

Each peer runs benchmarks/peers/peer_bench.py in its own venv (made by
benchmarks/peers/setup.sh, which `make bench` runs), and golo-fast runs the same script in its
own .venv (each engine it has); the peer and golo-fast stay open side by side and are timed in
alternation, so every comparison is made by the same loop under the same load. A peer whose
venv is missing is skipped with the reason; the results go into the saved JSON
(`golo_fast.peers`) for report.py.
Under --benchmark-disable each peer makes three calls and the output is checked.
"""
from __future__ import annotations

import inspect
import json
import statistics
import subprocess
import sys

import pytest
from benchlib import BENCH, PAIR_RUNS, PEER_RESULTS, guest

PEERS_DIR = BENCH / "peers"
TEXT = "0123456789"


def peer_python(peer: str) -> str:
    if peer.startswith("golo-fast"):
        return sys.executable
    venv = PEERS_DIR / f".venv-{peer}"
    python = venv / "bin" / "python"
    if not python.exists():
        failed = venv / "FAILED"
        if failed.exists():
            pytest.skip(f"peer {peer} cannot be installed here: "
                        f"{failed.read_text(errors='replace').strip()}")
        pytest.skip(f"peer {peer} is not set up: run benchmarks/peers/setup.sh {peer} "
                    f"(make bench does)")
    return str(python)


@pytest.fixture(scope="module")
def extism_wasm(tmp_path_factory) -> str:
    """The Extism echo plugin, assembled from its WAT source with wasmer's wat2wasm."""
    import wasmer
    path = tmp_path_factory.mktemp("extism") / "extism_echo.wasm"
    path.write_bytes(wasmer.wat2wasm((PEERS_DIR / "extism_echo.wat").read_text()))
    return str(path)


def run_peer(peer: str, wasm: str, quick: bool) -> dict:
    argv = [peer_python(peer), str(PEERS_DIR / "peer_bench.py"), peer, "--wasm", wasm]
    done = subprocess.run(argv + (["--quick"] if quick else ["--rounds", "20"]),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, f"{peer} failed:\n{done.stderr}"
    result = json.loads(done.stdout)
    assert result["output"] == TEXT and result["consistent"], result
    return result


def golo_fast_options() -> list[str]:
    """golo-fast's ways to make the round trip: its wasmer engine, and wasmtime where the
    bridge has that engine (issue 9)."""
    from golo_fast import wasm
    options = ["golo-fast"]
    if "engine" in inspect.signature(wasm.load).parameters:
        try:
            wasm.load(guest("echo"), engine="wasmtime").close()
            options.append("golo-fast-wasmtime")
        except Exception:  # the engine is in the API but cannot run here
            pass
    return options


@pytest.mark.parametrize("option", golo_fast_options())
def test_golo_fast_in_the_peer_harness(option):
    """The harness runs golo-fast correctly (timed only inside test_peer_round_trip)."""
    assert run_peer(option, guest("echo"), quick=True)["version"].startswith("golo-fast")


class Served:
    """peer_bench.py --serve: a runtime kept open, timing `ops` round trips on request."""

    def __init__(self, peer: str, wasm: str):
        argv = [peer_python(peer), str(PEERS_DIR / "peer_bench.py"), peer, "--wasm", wasm,
                "--serve"]
        self.process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if not line:
            raise AssertionError(f"{peer} failed:\n{self.process.stderr.read()}")
        self.info = json.loads(line)
        assert self.info["output"] == TEXT and self.info["consistent"], self.info

    def time(self, ops: int) -> float:
        """Seconds per round trip over `ops` round trips."""
        self.process.stdin.write(f"{ops}\n")
        self.process.stdin.flush()
        return int(self.process.stdout.readline()) / ops * 1e-9

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=60)


def ops_for(served: Served, seconds: float = 0.001) -> int:
    """Round trips that take about `seconds`: short runs, so most escape preemption."""
    ops = 1
    while served.time(ops) * ops < seconds and ops < 1 << 22:
        ops *= 2
    return ops


def compare(ours: Served, theirs: Served, windows: int = 21) -> dict:
    """Per-round-trip times and the paired ratio: windows of PAIR_RUNS alternating runs of
    each, the fastest of each side per window (as benchlib.paired_ratio does in-process)."""
    n_ours, n_theirs = ops_for(ours), ops_for(theirs)
    ratios, times_ours, times_theirs = [], [], []
    for w in range(windows):
        best_ours = best_theirs = float("inf")
        for r in range(PAIR_RUNS):
            if (w + r) % 2:
                t_theirs, t_ours = theirs.time(n_theirs), ours.time(n_ours)
            else:
                t_ours, t_theirs = ours.time(n_ours), theirs.time(n_theirs)
            times_ours.append(t_ours)
            times_theirs.append(t_theirs)
            best_ours, best_theirs = min(best_ours, t_ours), min(best_theirs, t_theirs)
        ratios.append(best_ours / best_theirs)
    return {"ours_median": statistics.median(times_ours), "ours_min": min(times_ours),
            "theirs_median": statistics.median(times_theirs), "theirs_min": min(times_theirs),
            "paired": statistics.median(ratios)}


@pytest.mark.parametrize("peer", ["wasmtime", "extism", "pywasm3"])
def test_peer_round_trip(request, peer, extism_wasm):
    """The peer against each of golo-fast's options, both kept open and timed in alternation
    (peer_bench.py --serve), so that the two are compared under the same load."""
    peer_python(peer)   # skips when the peer is missing
    config = request.config
    quick = config.getoption("benchmark_disable") and not config.getoption("benchmark_enable")
    wasm = extism_wasm if peer == "extism" else guest("echo")
    if quick:
        run_peer(peer, wasm, quick=True)
        return
    theirs = Served(peer, wasm)
    try:
        results = []
        for option in golo_fast_options():
            ours = Served(option, guest("echo"))
            try:
                results.append(dict(compare(ours, theirs), golo_fast=ours.info["version"]))
            finally:
                ours.close()
    finally:
        theirs.close()
    best = min(results, key=lambda r: r["paired"])
    PEER_RESULTS[peer] = {"peer": peer, "version": theirs.info["version"],
                          "median_ns": best["theirs_median"] * 1e9,
                          "min_ns": best["theirs_min"] * 1e9,
                          "golo_fast": results,
                          "golo_fast_best": {"version": best["golo_fast"],
                                             "median_ns": best["ours_median"] * 1e9,
                                             "min_ns": best["ours_min"] * 1e9,
                                             "paired": best["paired"]}}
