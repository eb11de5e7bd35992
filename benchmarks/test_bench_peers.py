"""Peers on the same 10 B round trip: wasmtime-py's public API, the Extism SDK, pywasm3.

Each peer runs benchmarks/peers/peer_bench.py in its own venv (made by
benchmarks/peers/setup.sh, which `make bench` runs), and golo-fast runs the same script in its
own .venv, so every row is timed by the same loop. A peer whose venv is missing is skipped
with the reason; the results go into the saved JSON (`golo_fast.peers`) for report.py.
Under --benchmark-disable each peer makes three calls and the output is checked.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from benchlib import BENCH, PEER_RESULTS, guest

PEERS_DIR = BENCH / "peers"
TEXT = "0123456789"


def peer_python(peer: str) -> str:
    if peer == "golo-fast":
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


@pytest.mark.parametrize("peer", ["golo-fast", "wasmtime", "extism", "pywasm3"])
def test_peer_round_trip(request, peer, extism_wasm):
    python = peer_python(peer)
    config = request.config
    quick = config.getoption("benchmark_disable") and not config.getoption("benchmark_enable")
    wasm = extism_wasm if peer == "extism" else guest("echo")
    argv = [python, str(PEERS_DIR / "peer_bench.py"), peer, "--wasm", wasm]
    done = subprocess.run(argv + (["--quick"] if quick else []), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, timeout=300, check=False)
    assert done.returncode == 0, f"{peer} failed:\n{done.stderr}"
    result = json.loads(done.stdout)
    assert result["output"] == TEXT and result["consistent"], result
    if not quick:
        assert result["median_ns"] > 0
        PEER_RESULTS[peer] = result
