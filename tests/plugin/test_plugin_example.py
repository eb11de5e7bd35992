"""examples/pytest runs as a user would run it: Golo tests and the guest benchmark together,
and the benchmark recipe (autosave, then compare-fail) catches a regression.

The runs are subprocesses, as a user's are (and so that a session that also collects
examples/pytest itself does not clash over the module name `test_guest_benchmark`)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

REPO = Path(__file__).resolve().parent.parent.parent
EXAMPLE = REPO / "examples" / "pytest"
QUICK = ["--benchmark-min-rounds=5", "--benchmark-max-time=0.02", "--benchmark-warmup=off"]


@pytest.fixture
def example(pytester, copy_guest) -> Path:
    """A copy of examples/pytest with guests/hello.wasm at the same relative place."""
    target = pytester.path / "examples" / "pytest"
    shutil.copytree(EXAMPLE, target)
    copy_guest(pytester.path, "hello", "guests")
    return target


def golo_test_count() -> int:
    text = (EXAMPLE / "test_guest.golo").read_text(encoding="utf-8")
    return text.count("\nfunction test_")


def test_the_example_runs_golo_tests_and_the_benchmark_under_benchmark_disable(
        pytester, example, outcomes):
    assert golo_test_count() >= 3
    result = pytester.runpytest_subprocess("examples/pytest", "--benchmark-disable", "-v")
    outcomes(result, passed=golo_test_count() + 1)
    result.stdout.fnmatch_lines([
        "examples/pytest/test_guest.golo::test_hello_greets_by_name PASSED*",
        "examples/pytest/test_guest_benchmark.py::test_hello_call PASSED*",
    ])


def test_the_example_runs_from_its_own_directory(pytester, example, outcomes):
    pytester.chdir()
    result = pytester.runpytest_subprocess(str(example), "--benchmark-disable")
    outcomes(result, passed=golo_test_count() + 1)


def _saved_runs(root: Path) -> list[Path]:
    return sorted((root / ".benchmarks").rglob("*.json"))


def _scale_baseline(saved: Path, factor: float) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    for bench in data["benchmarks"]:
        for key in ("min", "max", "mean", "median"):
            bench["stats"][key] *= factor
    saved.write_text(json.dumps(data), encoding="utf-8")


def test_the_benchmark_recipe_saves_a_baseline_and_fails_on_a_regression(
        pytester, example, outcomes):
    select = ["examples/pytest/test_guest_benchmark.py"]
    first = pytester.runpytest_subprocess(*select, "--benchmark-autosave", *QUICK)
    outcomes(first, passed=1)
    saved = _saved_runs(pytester.path)
    assert len(saved) == 1, saved
    assert [b["name"] for b in json.loads(saved[0].read_text())["benchmarks"]] == [
        "test_hello_call"]

    # A baseline 1000x slower than any real run: the comparison passes.
    _scale_baseline(saved[0], 1000.0)
    compare = ["--benchmark-compare", "--benchmark-compare-fail=median:10%", *QUICK]
    ok = pytester.runpytest_subprocess(*select, *compare)
    assert ok.ret == pytest.ExitCode.OK, ok.stdout.str()

    # The same baseline made 1000x faster than it was: now the run has regressed.
    _scale_baseline(saved[0], 1e-6)
    regressed = pytester.runpytest_subprocess(*select, *compare)
    assert regressed.ret != pytest.ExitCode.OK
    # pytest-benchmark shows both runs, then raises PerformanceRegression at the end
    output = regressed.stdout.str() + regressed.stderr.str()
    assert "test_hello_call (NOW)" in output and "test_hello_call (0001_" in output, output
    assert "Performance has regressed" in output, output
