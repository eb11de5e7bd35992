"""Replays every input that ever made a hostile test fail (tests/hostile/regressions/)."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from hostile_support import REGRESSIONS, REPO, compile_checked

FRONTEND = sorted((REGRESSIONS / "frontend").glob("*.golo"))


@pytest.mark.parametrize("path", FRONTEND, ids=[p.name for p in FRONTEND])
def test_frontend_regression(path):
    """In-process, with Python's default stack: the property holds within the time limit."""
    outcome = compile_checked(path.read_text(encoding="utf-8"), path.name)
    expect = path.with_suffix(".expect")
    if expect.exists():
        assert outcome == expect.read_text().splitlines()[0]


def test_long_operator_chain_compiles_in_linear_time(tmp_path):
    # Regression: code generation asked "is this an int?" about every prefix of a `+` chain
    # by walking it again each time (quadratic: 5,000 terms took 53 s, 10,000 took 251 s).
    # Through the CLI (big stack) a 5,000-term sum must now compile and run promptly.
    source = REGRESSIONS / "frontend" / "long_sum_5000.golo"
    env = dict(os.environ, GOLO_FAST_NO_CACHE="1")
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "golo_fast", str(source)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    elapsed = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    assert done.stdout == "5001\n"
    assert elapsed < 30, f"compiling a 5,000-term sum took {elapsed:.1f} s"


def test_deep_nesting_through_the_cli_is_a_syntax_error(tmp_path):
    # Regression: 30,000 nested parentheses made the CLI print "internal error (a bug in
    # golo-fast)" and exit 70; it is the program's doing, so a positioned syntax error.
    source = REGRESSIONS / "frontend" / "nested_parens_closed_30000.golo"
    done = subprocess.run([sys.executable, "-m", "golo_fast", str(source)], cwd=REPO,
                          env=dict(os.environ, GOLO_FAST_NO_CACHE="1"), capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "nested too deeply" in done.stderr and "internal error" not in done.stderr
    assert f"{source.name}:4:" in done.stderr
