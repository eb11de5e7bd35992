"""Shared pieces of the hostile suite: fuzzing budgets, the per-example hang guard, paths.

Budgets. Every property test here takes its settings from `fuzz_settings(n)`: `n` examples
under the default profile "hostile" (bounded, part of `make test`), `n * FUZZ_SCALE` under
the profile "fuzz" (`make fuzz`, or HYPOTHESIS_PROFILE=fuzz). The profiles are registered
here and never loaded globally, so the rest of the suite keeps its own settings.
"""
from __future__ import annotations

import contextlib
import os
import signal
import threading
from pathlib import Path

from hypothesis import HealthCheck, settings

from golo_fast import api
from golo_fast.errors import GoloResolveError, GoloSyntaxError

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
GUESTS = REPO / "guests"
REGRESSIONS = HERE / "regressions"

settings.register_profile(
    "hostile", deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.filter_too_much])
settings.register_profile("fuzz", settings.get_profile("hostile"))

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "hostile")
if PROFILE not in ("hostile", "fuzz"):
    PROFILE = "hostile"
# How much longer `make fuzz` runs than `make test` (GOLO_FAST_FUZZ_SCALE overrides).
FUZZ_SCALE = int(os.environ.get("GOLO_FAST_FUZZ_SCALE", "40")) if PROFILE == "fuzz" else 1


def fuzz_settings(examples: int) -> settings:
    """Settings for a property test: `examples` under "hostile", scaled up under "fuzz"."""
    return settings(settings.get_profile(PROFILE), max_examples=examples * FUZZ_SCALE)


def scaled(count: int) -> int:
    """A non-Hypothesis budget (mutants per batch, ...), scaled like fuzz_settings."""
    return count * FUZZ_SCALE


class Hang(BaseException):
    """An example ran past its time limit. A BaseException, so `except Exception` in the code
    under test cannot swallow it."""


@contextlib.contextmanager
def time_limit(seconds: float, what: str):
    """Raise Hang in the main thread when the block runs longer than `seconds` (SIGALRM:
    interrupts pure-Python loops, which is where a front-end hang would be)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum, frame):
        raise Hang(f"{what}: still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def guest_files() -> list[Path]:
    """Every committed guest module (hostile ones included)."""
    return sorted(GUESTS.rglob("*.wasm"))


TIME_LIMIT = 10.0   # seconds per example; a healthy compile of the largest corpus file takes ~0.1 s


def compile_checked(text: str, path: str = "fuzz.golo"):
    """The property, for one text. Returns "ok" or the error class name (for statistics)."""
    with time_limit(TIME_LIMIT, f"compiling {len(text)} characters"):
        try:
            api.compile_source(text, path)
        except (GoloSyntaxError, GoloResolveError) as exc:
            for err in getattr(exc, "errors", None) or [exc]:
                assert isinstance(err, (GoloSyntaxError, GoloResolveError)), err
                assert err.source is not None and err.source.text == text, err.message
                assert err.span is not None, err.message
                start, end = err.span
                assert 0 <= start <= end <= len(text), (err.message, err.span, len(text))
                assert err.message, "an error without a message"
            return type(exc).__name__
    return "ok"


def available_engines() -> tuple[str, ...]:
    """The engines this interpreter has (as tests/conftest.py's `engine` fixture sees them)."""
    from golo_fast.errors import WasmUnsupportedError
    from golo_fast.wasm import _engine
    wanted = os.environ.get("GOLO_FAST_ENGINE")
    found = []
    for name in (wanted,) if wanted else _engine.ENGINES:
        try:
            found.append(_engine.engine_name(name))
        except WasmUnsupportedError:
            continue
    return tuple(found)
