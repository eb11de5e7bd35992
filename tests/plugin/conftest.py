"""Fixtures of the pytest plugin tests.

`pytester` is enabled by `pytest_plugins` in the test modules themselves: pytest refuses
`pytest_plugins` in a conftest below the rootdir when the whole suite is collected.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent
GUESTS = REPO / "guests"


@pytest.fixture(scope="session", autouse=True)
def _warm_imports():
    """Import everything the plugin imports lazily before any pytester snapshot of
    sys.modules. In-process inner runs would otherwise import fresh copies (recompiled from
    source each time when bytecode writing is off) and drop them afterwards, leaving the
    package attributes pointing at stale modules: a pytester artifact, not plugin behaviour."""
    import golo_fast.api
    import golo_fast.diagnostics  # noqa: F401
    import golo_fast.runtime  # noqa: F401
    import golo_fast.wasm
    golo_fast.api.compile_source("module Warm\nfunction main = |args| { println(args) }\n")
    golo_fast.wasm.load(GUESTS / "hello.wasm").close()


@pytest.fixture(autouse=True)
def _lean_inner_runs(request, monkeypatch):
    """Inner pytest runs leave out hypothesis's plugin: it imports (and assertion-rewrites)
    all of hypothesis at the end of every in-process run, seconds each, and plays no part
    here; nor faulthandler, whose signal handlers would sit on top of the wasm engine's and
    turn a guest trap into a crash of the whole run. Set after `pytester` is made, since
    pytester clears PYTEST_ADDOPTS."""
    if "pytester" in request.fixturenames:
        request.getfixturevalue("pytester")
        monkeypatch.setenv("PYTEST_ADDOPTS", "-p no:hypothesispytest -p no:faulthandler")


@pytest.fixture
def outcomes():
    """outcomes(result, passed=2, failed=1): the counts of an inner run's summary line must
    be exactly these (warnings are ignored unless given); the message is the inner output."""
    def check(result, **expected) -> None:
        got = {k: v for k, v in result.parseoutcomes().items()
               if v and (k != "warnings" or "warnings" in expected)}
        assert got == {k: v for k, v in expected.items() if v}, \
            "\n".join(result.outlines + result.errlines)
    return check


@pytest.fixture
def copy_guest():
    """copy_guest(root, "hello", "sub") copies guests/hello.wasm into root/sub/."""
    def copy(root: Path, name: str, where: str = ".") -> Path:
        target = Path(root) / where
        target.mkdir(parents=True, exist_ok=True)
        return Path(shutil.copy(GUESTS / f"{name}.wasm", target))
    return copy
