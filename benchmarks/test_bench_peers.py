"""Peers on the same 10 B round trip: wasmtime-py's public API, the Extism SDK, pywasm3.

Each peer runs benchmarks/peers/peer_bench.py in its own venv (made by
benchmarks/peers/setup.sh, which `make bench` runs), and golo-fast runs the same script in its
own .venv (each engine it has) right before each peer, so every row is timed by the same loop
under the same load. A peer whose venv is missing is skipped
with the reason; the results go into the saved JSON (`golo_fast.peers`) for report.py.
Under --benchmark-disable each peer makes three calls and the output is checked.
"""
from __future__ import annotations

import inspect
import json
import subprocess
import sys

import pytest
from benchlib import BENCH, PEER_RESULTS, guest

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


@pytest.mark.parametrize("peer", ["wasmtime", "extism", "pywasm3"])
def test_peer_round_trip(request, peer, extism_wasm):
    """The peer, right after golo-fast's options in the same harness, so that the two are
    compared under the same load."""
    peer_python(peer)   # skips when the peer is missing
    config = request.config
    quick = config.getoption("benchmark_disable") and not config.getoption("benchmark_enable")
    wasm = extism_wasm if peer == "extism" else guest("echo")
    if quick:
        run_peer(peer, wasm, quick=True)
        return
    ours = [run_peer(option, guest("echo"), quick=False) for option in golo_fast_options()]
    theirs = run_peer(peer, wasm, quick=False)
    best = min(ours, key=lambda r: r["median_ns"])
    theirs["golo_fast"] = {r["version"]: r["median_ns"] for r in ours}
    theirs["golo_fast_best"] = best
    PEER_RESULTS[peer] = theirs
