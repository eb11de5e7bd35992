"""Fixtures of the pytest plugin tests.

`pytester` is enabled by `pytest_plugins` in the test modules themselves: pytest refuses
`pytest_plugins` in a conftest below the rootdir when the whole suite is collected.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

# Imported here, before any pytester snapshot of sys.modules: in-process inner runs would
# otherwise import fresh copies of these and drop them afterwards, leaving the package
# attributes pointing at stale modules (a pytester artifact, not a plugin behaviour).
import golo_fast.api  # noqa: F401
import golo_fast.diagnostics  # noqa: F401
import golo_fast.runtime  # noqa: F401
import golo_fast.wasm  # noqa: F401

REPO = Path(__file__).resolve().parent.parent.parent
GUESTS = REPO / "guests"


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
