"""The scripts in examples/ print exactly their sibling `.out` files.

They run in-process through `golo_fast.cli.main`, from the examples/ directory (the wasm
ones load `../guests/*.wasm`, as `cd examples && golo-fast wasm.golo` does). The outputs of
`wasm.golo` and `wasm-host-function.golo` are the seed article's, byte for byte.
"""
from __future__ import annotations

import pathlib
import subprocess
import sys

import pytest

EXAMPLES = pathlib.Path(__file__).resolve().parent.parent / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.golo"))
ARTICLE_SCRIPTS = ("wasm.golo", "wasm-host-function.golo")


def read_text(path: pathlib.Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def run_example(path: pathlib.Path, capsys, monkeypatch):
    from golo_fast.cli import main

    monkeypatch.chdir(EXAMPLES)
    capsys.readouterr()
    try:
        code = main([path.name])
    except SystemExit as exit_:  # tolerated: a CLI may also exit instead of returning
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("path", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_example(path, capsys, monkeypatch):
    code, out, err = run_example(path, capsys, monkeypatch)
    assert out == read_text(path.with_suffix(".out")), f"stdout differs (stderr was:\n{err})"
    assert code == 0, f"exit code {code}; stderr:\n{err}"
    assert err == "", f"unexpected stderr:\n{err}"


@pytest.mark.parametrize("name", ARTICLE_SCRIPTS)
def test_article_example_on_each_implementation(name, impl, load, capsys, monkeypatch):
    """The article's scripts, with `wasmLoad` routed to the protocol implementation under test."""
    from golo_fast import wasm

    loaded = []

    def load_with_impl(*args, **kwargs):
        loaded.append(args)
        return load(*args, **kwargs)

    monkeypatch.setattr(wasm, "load", load_with_impl)
    path = EXAMPLES / name
    code, out, err = run_example(path, capsys, monkeypatch)
    assert loaded, f"{name} never reached golo_fast.wasm.load"
    assert out == read_text(path.with_suffix(".out")), f"stdout differs (stderr was:\n{err})"
    assert code == 0, f"exit code {code}; stderr:\n{err}"


@pytest.mark.parametrize("name", ARTICLE_SCRIPTS)
def test_article_example_from_the_command_line(name):
    """`cd examples && python -m golo_fast NAME`: a real process, real stdout (UTF-8, flushed)."""
    done = subprocess.run([sys.executable, "-m", "golo_fast", name], cwd=EXAMPLES,
                          capture_output=True, timeout=120)
    expected = (EXAMPLES / name.replace(".golo", ".out")).read_bytes()
    assert done.stdout == expected, done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")


def test_examples_are_complete():
    """The article's two scripts and at least a dozen language examples, each with output."""
    names = {p.name for p in SCRIPTS}
    for article in ARTICLE_SCRIPTS:
        assert article in names
    assert len(names - set(ARTICLE_SCRIPTS)) >= 12
    for path in SCRIPTS:
        assert path.with_suffix(".out").exists(), f"{path.name} has no .out"


def test_article_outputs_are_the_articles():
    """The expected outputs of the wasm examples are the seed article's, byte for byte."""
    article = pathlib.Path("/work/shared/seed/goloscript-wasm-article.txt")
    if not article.exists():
        pytest.skip("the seed article is not available on this machine")
    text = read_text(article)
    for name in ARTICLE_SCRIPTS:
        expected = read_text(EXAMPLES / name.replace(".golo", ".out"))
        assert expected.endswith("\n") and expected.count("\n") >= 5
        assert expected in text, f"{name}: expected output is not the article's"
