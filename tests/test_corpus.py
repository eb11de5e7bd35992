"""The Golo language corpus: behaviour specified in Golo (style habit 12).

Every `tests/golo/*.golo` is one small program about one feature. Beside it:

* `NAME.out`  - the exact stdout expected (bytes, UTF-8), possibly empty;
* `NAME.err`  - optional; the program must fail. First line: the expected exit code. Each
  following line is one check on stderr:
    - `text`         `text` must appear in stderr (case-insensitive, so that a message
                     gist such as "undeclared reference" matches "Undeclared reference");
    - `!text`        `text` must NOT appear in stderr (e.g. `!Traceback`);
    - `@caret L:C`   stderr must show source line L and, on the line right below it, a
                     caret `^` under column C (1-based), whatever the gutter looks like;
* `NAME.args` - optional; one command-line argument per line, passed after the script;
* `NAME.in`   - optional; the program's standard input.

Without a `.err` file the program must exit 0 and write nothing to stderr. No program may
make Python emit a warning (a `SyntaxWarning` from generated code would reach the user's
terminal). Sub-directories (`lib/`, `data/`) hold
modules and files the programs import or read; they are not programs themselves.

Each program runs in-process through `golo_fast.cli.main([path, *args])`, with the current
directory set to the program's directory. Programs named `wasm_*` run once more on each
protocol implementation of the bridge (the `impl`/`load` fixtures of conftest.py).
"""
from __future__ import annotations

import io
import pathlib
import re
import sys
import warnings

import pytest

CORPUS = pathlib.Path(__file__).parent / "golo"
PROGRAMS = sorted(CORPUS.glob("*.golo"))
WASM_PROGRAMS = [p for p in PROGRAMS if p.name.startswith("wasm_")]

MINIMUM_PROGRAMS = 170


def read_text(path: pathlib.Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def parse_err(path: pathlib.Path):
    """Returns (exit_code, [(kind, payload)]) from a `.err` file."""
    lines = read_text(path).splitlines()
    code = int(lines[0].strip())
    checks = []
    for line in lines[1:]:
        if not line.strip():
            continue
        if line.startswith("@caret "):
            row, col = line[len("@caret "):].strip().split(":")
            checks.append(("caret", (int(row), int(col))))
        elif line.startswith("!"):
            checks.append(("absent", line[1:]))
        else:
            checks.append(("present", line))
    return code, checks


def run_program(path: pathlib.Path, capsys, monkeypatch):
    """Runs one program in-process; returns (exit_code, stdout, stderr)."""
    from golo_fast.cli import main

    monkeypatch.chdir(path.parent)
    args_file = path.with_suffix(".args")
    extra = read_text(args_file).splitlines() if args_file.exists() else []
    stdin_file = path.with_suffix(".in")
    monkeypatch.setattr(sys, "stdin", io.StringIO(
        read_text(stdin_file) if stdin_file.exists() else ""))
    capsys.readouterr()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            code = main([str(path), *extra])
        except SystemExit as exit_:  # tolerated: a CLI may also exit instead of returning
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    captured = capsys.readouterr()
    assert not caught, "Python warnings while running the program:\n" + "\n".join(
        f"{w.filename}:{w.lineno}: {w.category.__name__}: {w.message}" for w in caught)
    return code, captured.out, captured.err


def check_caret(stderr: str, source: str, row: int, col: int) -> None:
    """The diagnostic quotes source line `row` and puts a `^` under column `col` below it.

    The quoted line may be indented by a gutter (`  4 | ...`) and may have its own
    leading whitespace stripped; the caret must still sit under the right character.
    """
    text = source.splitlines()[row - 1].rstrip()
    stripped = text.lstrip()
    lead = len(text) - len(stripped)
    assert col - 1 >= lead, f"column {col} is in the indentation of line {row}"
    lines = stderr.splitlines()
    for i, line in enumerate(lines[:-1]):
        shown = line.rstrip()
        if shown.endswith(stripped):
            start = len(shown) - len(stripped)
            caret_line = lines[i + 1]
            where = caret_line.find("^")
            assert where == start + (col - 1 - lead), (
                f"caret at offset {where}, expected {start + col - 1 - lead} under "
                f"column {col} of {stripped!r}:\n{line}\n{caret_line}")
            return
    pytest.fail(f"source line {row} ({stripped!r}) is not quoted in stderr:\n{stderr}")


def check_program(path: pathlib.Path, code: int, out: str, err: str) -> None:
    expected_out = read_text(path.with_suffix(".out"))
    err_file = path.with_suffix(".err")
    expected_code, checks = parse_err(err_file) if err_file.exists() else (0, [])
    assert out == expected_out, f"stdout differs (stderr was:\n{err})"
    assert code == expected_code, f"exit code {code}, expected {expected_code}; stderr:\n{err}"
    if not err_file.exists():
        assert err == "", f"a successful program wrote to stderr:\n{err}"
    lowered = err.lower()
    for kind, payload in checks:
        if kind == "present":
            assert payload.lower() in lowered, f"{payload!r} not in stderr:\n{err}"
        elif kind == "absent":
            assert payload.lower() not in lowered, f"{payload!r} must not be in stderr:\n{err}"
        else:
            check_caret(err, read_text(path), *payload)


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.name for p in PROGRAMS])
def test_program(path, capsys, monkeypatch):
    code, out, err = run_program(path, capsys, monkeypatch)
    check_program(path, code, out, err)


@pytest.mark.parametrize("path", WASM_PROGRAMS, ids=[p.name for p in WASM_PROGRAMS])
def test_wasm_program_on_each_implementation(path, impl, load, capsys, monkeypatch):
    """`wasmLoad` goes through `golo_fast.wasm.load`; route it to the implementation under test."""
    from golo_fast import wasm

    loaded = []

    def load_with_impl(*args, **kwargs):
        loaded.append(args)
        return load(*args, **kwargs)

    monkeypatch.setattr(wasm, "load", load_with_impl)
    code, out, err = run_program(path, capsys, monkeypatch)
    assert loaded, f"{path.name} never reached golo_fast.wasm.load"
    check_program(path, code, out, err)


def test_corpus_is_well_formed():
    """Every program has its expected output, and every `.err` file parses."""
    assert len(PROGRAMS) >= MINIMUM_PROGRAMS, f"only {len(PROGRAMS)} programs"
    for path in PROGRAMS:
        assert path.with_suffix(".out").exists(), f"{path.name} has no .out"
        source = path.read_bytes().decode("utf-8", "replace")  # one program is not UTF-8
        err_file = path.with_suffix(".err")
        if not err_file.exists():
            assert re.search(r"^module \S+", source, re.M), f"{path.name} has no module header"
        if err_file.exists():
            code, checks = parse_err(err_file)
            assert code != 0, f"{err_file.name}: a failing program needs a non-zero code"
            for kind, payload in checks:
                if kind == "caret":
                    row, col = payload
                    assert row <= len(source.splitlines()), f"{err_file.name}: no line {row}"
    for orphan in [*CORPUS.glob("*.out"), *CORPUS.glob("*.err"), *CORPUS.glob("*.args"),
                   *CORPUS.glob("*.in")]:
        assert orphan.with_suffix(".golo").exists(), f"{orphan.name} has no program"
