"""pytest plugin of golo-fast: Golo test files, and fixtures for scripts and wasm guests.

Registered through the `pytest11` entry point `golo_fast` (disable with `-p no:golo_fast`).

Golo test files (`test_*.golo`; ini option `golo_files` changes the patterns):
    every public module function whose name starts with `test` and that takes no parameter
    is a test item with the id `path/test_x.golo::test_name`; `-k` and `--deselect` work on
    these ids. A failing `require(cond, msg)` or any uncaught Golo exception fails the item,
    and the report is the Golo diagnostic: `file:line:col: error: message`, the source line
    with a caret, and the Golo backtrace (Python frames only with `--full-trace` or
    GOLO_FAST_DEBUG=1). A compile error in the file is a collection error showing the
    compiler's diagnostic.

    A Golo test file is a module: it is loaded once, at collection (imports, then its
    module-level `let`/`var` initialisers), and its tests run in source order. All Golo
    code runs on one big-stack thread, as under the CLI (deep recursion works, and runners
    a module loads are called from the thread that loaded them). While a file's
    initialisers and tests run, the working directory is the file's directory, so
    `wasmLoad("guest.wasm")` and `fileToText("data.txt")` find files next to it.

Fixtures:
    golo_runner  factory: `golo_runner("guest.wasm", wasi=...)` -> golo_fast.wasm.Runner,
                 closed after the test (even when it fails); relative paths are resolved
                 against the directory of the test file.
    golo_run     `golo_run(script_or_source, *args)` runs a Golo script in a fresh
                 `python -m golo_fast` process -> GoloResult(exit_code, stdout, stderr).

This module imports nothing of golo-fast at load time: the compiler and the runtime are
imported when a Golo file is collected, `golo_fast.wasm` (and so wasmer) when a fixture that
needs it runs, so pytest runs without Golo files start as before.
"""
from __future__ import annotations

import fnmatch
import importlib
import os
import queue
import re
import subprocess
import sys
import threading
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import pytest

GOLO_FILE_PATTERNS = ["test_*.golo"]
TEST_PREFIX = "test"


# -- collection ---------------------------------------------------------------------------------

def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("golo_files", type="args", default=list(GOLO_FILE_PATTERNS),
                  help="glob patterns of Golo test files (default: test_*.golo)")


def pytest_collect_file(file_path: Path, parent: pytest.Collector):
    if file_path.suffix != ".golo":
        return None
    # Like Python files: a file named on the command line is collected whatever its name.
    if not parent.session.isinitpath(file_path):
        patterns = parent.config.getini("golo_files")
        if not any(fnmatch.fnmatch(file_path.name, p) for p in patterns):
            return None
    return GoloFile.from_parent(parent, path=file_path)


@contextmanager
def _working_directory(directory: Path):
    previous = os.getcwd()
    os.chdir(directory)
    try:
        yield
    finally:
        os.chdir(previous)


class GoloFile(pytest.File):
    """A Golo test file: one module whose public `test*` functions without parameters are
    the tests."""

    def collect(self):
        from golo_fast import api
        with _working_directory(self.path.parent):
            compiled, _ = _golo_thread().run(api.Loader().load, str(self.path))
        # The runtime the module's code imported (through sys.modules) holds its context.
        context = importlib.import_module("golo_fast.runtime").MODULES[compiled.name]
        lines = _declaration_lines(self.path.read_text(encoding="utf-8"))
        found = []
        for name, overloads in context.functions.items():
            if not name.startswith(TEST_PREFIX):
                continue
            public = [o for o in overloads if not o[3]]
            runnable = [fn for arity, varargs, fn, _ in public if arity == 0 and not varargs]
            if runnable:
                found.append((name, runnable[0]))
            elif public:
                warnings.warn_explicit(
                    pytest.PytestCollectionWarning(
                        f"cannot collect Golo function '{name}' because it takes "
                        "parameters (a test function takes none)"),
                    category=None, filename=str(self.path), lineno=lines.get(name, 0))
        found.sort(key=lambda item: lines.get(item[0], 0))
        for name, function in found:
            yield GoloItem.from_parent(self, name=name, function=function,
                                       line=lines.get(name))

    def repr_failure(self, excinfo):
        report = _golo_report(excinfo.value, self.config)
        return report if report is not None else super().repr_failure(excinfo)


class GoloItem(pytest.Item):
    """One Golo test function: passes when it returns, fails on any uncaught exception."""

    def __init__(self, *, function, line: int | None = None, **kwargs):
        super().__init__(**kwargs)
        self.function = function
        self.line = line

    def runtest(self) -> None:
        with _working_directory(self.path.parent):
            _golo_thread().run(self.function)

    def repr_failure(self, excinfo):
        report = _golo_report(excinfo.value, self.config)
        return report if report is not None else super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, (self.line - 1 if self.line else None), self.name


_DECLARATION = re.compile(r"^[ \t]*(?:local[ \t]+)?function[ \t]+([\w$]+)", re.MULTILINE)


def _declaration_lines(text: str) -> dict[str, int]:
    """Golo function name -> line of its first declaration (decorated functions are
    registered as their decorator's closure, so the code object cannot tell)."""
    lines: dict[str, int] = {}
    for match in _DECLARATION.finditer(text):
        lines.setdefault(match.group(1), text.count("\n", 0, match.start()) + 1)
    return lines


# -- the thread that runs Golo code -------------------------------------------------------------

# Like the CLI's `golo-main` thread (golo_fast.api.run_with_big_stack).
_STACK_SIZE = 1024 * 1024 * 1024
_RECURSION_LIMIT = 220000


class GoloThread:
    """One long-lived thread with a large stack that runs every piece of Golo code of the
    session: module loading at collection and the tests. Deep Golo recursion works as it
    does under `golo-fast script.golo`, and a wasm runner that a module's initialiser loads
    (runners belong to the thread that loaded them) is called from that same thread.

    Where no big thread stack can be had, Golo code runs on the calling thread instead.
    """

    def __init__(self):
        self._jobs = None
        self._thread = None
        self._available = True

    def run(self, fn, *args):
        """fn(*args) on the Golo thread; its exception, if any, is raised here."""
        if self._thread is None and self._available:
            self._start()
        if self._thread is None:
            return fn(*args)
        done = threading.Event()
        outcome = {}
        self._jobs.put((fn, args, outcome, done))
        old_limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(old_limit, _RECURSION_LIMIT))
        try:
            while not done.wait(0.25):   # short waits keep Ctrl-C responsive
                pass
        finally:
            sys.setrecursionlimit(old_limit)
        if "error" in outcome:
            raise outcome.pop("error")
        return outcome.get("value")

    def _start(self) -> None:
        self._jobs = queue.SimpleQueue()
        old_size = threading.stack_size()
        try:
            threading.stack_size(_STACK_SIZE)
            thread = threading.Thread(target=self._serve, name="golo-tests", daemon=True)
            thread.start()
        except (RuntimeError, ValueError, MemoryError):
            self._available = False
            return
        finally:
            threading.stack_size(old_size)
        self._thread = thread

    def _serve(self) -> None:
        while True:
            fn, args, outcome, done = self._jobs.get()
            try:
                outcome["value"] = fn(*args)
            except BaseException as exc:  # handed to the waiting thread
                outcome["error"] = exc
            finally:
                done.set()


_GOLO_THREAD: GoloThread | None = None


def _golo_thread() -> GoloThread:
    global _GOLO_THREAD
    if _GOLO_THREAD is None:
        _GOLO_THREAD = GoloThread()
    return _GOLO_THREAD


# -- failure reports ----------------------------------------------------------------------------

@dataclass
class GoloCrash:
    """Where a Golo test failed (pytest reads `message` for its summary lines)."""
    path: str
    lineno: int
    message: str

    def toterminal(self, tw) -> None:
        tw.line(str(self), red=True)

    def __str__(self) -> str:
        return f"{self.path}:{self.lineno}: {self.message}"


class GoloFailure:
    """A failure report made of golo-fast's diagnostic text (what the CLI would print)."""

    def __init__(self, text: str, crash: GoloCrash | None):
        self.text = text
        self.reprcrash = crash

    def toterminal(self, tw) -> None:
        for line in self.text.rstrip("\n").split("\n"):
            tw.line(line, red=line.startswith("error:") or ": error: " in line)

    def __str__(self) -> str:
        return self.text.rstrip("\n")


def _golo_report(exc: BaseException, config) -> GoloFailure | None:
    """The Golo diagnostic of an error from Golo code; None for golo-fast's own bugs (they
    keep pytest's Python traceback)."""
    from golo_fast import diagnostics
    from golo_fast.errors import GoloCompileError, InternalError
    from golo_fast.source import SourceFileError
    if isinstance(exc, InternalError):
        return None
    if isinstance(exc, GoloCompileError):
        errors = getattr(exc, "errors", None) or [exc]
        first = errors[0]
        crash = None
        if first.source is not None and first.span is not None:
            line, _ = first.source.line_col(first.span[0])
            crash = GoloCrash(first.source.path, line, first.message)
        return GoloFailure(diagnostics.format_compile_error(exc), crash)
    if isinstance(exc, SourceFileError):
        return GoloFailure(f"golo-fast: error: {exc}\n", None)
    debug = os.environ.get("GOLO_FAST_DEBUG") == "1" or bool(config.option.fulltrace)
    return _runtime_report(exc, debug)


def _runtime_report(exc: BaseException, debug: bool) -> GoloFailure:
    """Where it failed (the innermost Golo frame: source line and caret), then the Golo
    backtrace, both made by golo_fast.diagnostics."""
    from golo_fast import diagnostics
    from golo_fast.source import LOADED_SOURCES, Source
    message = _runtime_message(exc)
    backtrace = diagnostics.format_runtime_error(message, exc, debug)
    frames = diagnostics.golo_frames(exc.__traceback__)
    if not frames:
        return GoloFailure(backtrace, None)
    path, line, col, _ = frames[-1]
    location = ""
    known = LOADED_SOURCES.get(path)
    if known is not None:
        source = Source(known[0], path)
        start = _offset(source, line, col)
        location = diagnostics.format_compile_error(_Located(message, source, start))
        # The located header already states the error; the backtrace need not repeat it.
        last = f"error: {message}\n"
        if backtrace.endswith(last):
            backtrace = backtrace[:-len(last)]
    return GoloFailure(location + backtrace, GoloCrash(path, line, message))


class _Located:
    """A run-time error placed at a source position, in the shape the formatter reads
    (message, source, span, hint): the span covers the word at the error's column."""

    hint = None
    errors = None

    def __init__(self, message: str, source, start: int):
        word = _WORD.match(source.text, start)
        self.message = message
        self.source = source
        self.span = (start, word.end() if word else start + 1)


_WORD = re.compile(r"[\w$]+")


def _offset(source, line: int, col: int) -> int:
    offset = 0
    for _ in range(line - 1):
        newline = source.text.find("\n", offset)
        if newline == -1:
            break
        offset = newline + 1
    return min(offset + col - 1, len(source.text))


def _runtime_message(exc: BaseException) -> str:
    """The message the CLI shows for an uncaught exception (`kind: message`)."""
    try:
        from golo_fast import runtime
        return runtime.render(runtime.catch(exc))
    except BaseException as failure:  # the original error matters more than this one
        return f"{type(exc).__name__}: {exc} (while describing it: {type(failure).__name__})"


# -- fixtures -----------------------------------------------------------------------------------

def _test_directory(request) -> Path:
    return Path(request.path).parent


@pytest.fixture
def golo_runner(request):
    """Factory of wasm runners closed after the test:
    `golo_runner(path_or_bytes, wasi=None, **options)` -> golo_fast.wasm.Runner.

    A relative path is resolved against the directory of the test file. `wasi` is a
    golo_fast.wasm.WasiConfig or a mapping of its fields (`{"args": [...], "env": {...}}`);
    other keywords go to golo_fast.wasm.load (`threads`, `implementation`, `name`).
    """
    from golo_fast import wasm
    base = _test_directory(request)
    runners = []

    def load(source, wasi=None, **options):
        if isinstance(wasi, Mapping):
            wasi = wasm.WasiConfig(**wasi)
        if isinstance(source, (str, os.PathLike)):
            source = base / source
        runner = wasm.load(source, wasi, **options)
        runners.append(runner)
        return runner

    yield load
    failures = []
    for runner in reversed(runners):
        try:
            runner.close()
        except Exception as exc:  # close every runner, then report the first failure
            failures.append(exc)
    if failures:
        raise failures[0]


@dataclass(frozen=True)
class GoloResult:
    """What a Golo script did: its exit code (0 ok, 1 compile error or uncaught exception,
    2 usage error or unreadable file) and its whole stdout and stderr, as text."""
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def golo_run(request, tmp_path_factory):
    """Run a Golo script in a new `python -m golo_fast` process:
    `golo_run(script_or_source, *args, stdin=None, env=None, cwd=None, timeout=None)`
    -> GoloResult(exit_code, stdout, stderr).

    `script_or_source` is a path when it is an os.PathLike, or a one-line string ending in
    `.golo` (relative paths: against the directory of the test file); any other string is
    Golo source text, written to a temporary `script.golo`. `args` go to `main(args)`,
    `stdin` (text) to `readln`, `env` is added to the current environment. The script runs
    in `cwd`, by default the directory of the test file.
    """
    base = _test_directory(request)

    def run(script, *args, stdin: str | None = None, env: Mapping[str, str] | None = None,
            cwd=None, timeout: float | None = None) -> GoloResult:
        if isinstance(script, os.PathLike) or (
                isinstance(script, str) and script.endswith(".golo") and "\n" not in script):
            path = base / script
        elif isinstance(script, str):
            path = tmp_path_factory.mktemp("golo_run") / "script.golo"
            path.write_text(script, encoding="utf-8")
        else:
            raise TypeError(f"golo_run() takes a path or Golo source text, "
                            f"not {type(script).__name__}")
        environment = dict(os.environ)
        environment.setdefault("PYTHONIOENCODING", "utf-8")
        environment.update(env or {})
        done = subprocess.run(
            [sys.executable, "-m", "golo_fast", "run", str(path), *map(str, args)],
            input="" if stdin is None else stdin, capture_output=True, encoding="utf-8", errors="replace",
            env=environment, cwd=str(base if cwd is None else cwd), timeout=timeout)
        return GoloResult(done.returncode, done.stdout, done.stderr)

    return run
