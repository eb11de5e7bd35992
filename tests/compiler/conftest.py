"""Helpers for the compiler tests: compile and run Golo text in-process."""
from __future__ import annotations

import pytest

from golo_fast import api, cli
from golo_fast.source import Source
from golo_fast.syntax.lexer import tokenize
from golo_fast.syntax.parser import parse


def tokens(text: str):
    return [(t.kind, t.value) for t in tokenize(Source(text, "t.golo"))][:-1]


def parse_text(text: str):
    return parse(Source(text, "t.golo"))


@pytest.fixture
def run_golo(tmp_path, capsys, monkeypatch):
    """run_golo(body_or_module) -> (exit code, stdout, stderr); a text without `module`
    is wrapped as the body of `main`."""
    monkeypatch.setenv("GOLO_FAST_NO_CACHE", "1")

    def run(text: str, *args: str, name: str = "prog.golo"):
        if not text.lstrip().startswith(("module", "#", "----")):
            text = "module test.Prog\n\nfunction main = |args| {\n" + text + "\n}\n"
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        capsys.readouterr()
        code = cli.main([str(path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def compile_error():
    """compile_error(text) -> the GoloCompileError raised by compiling text."""
    from golo_fast.errors import GoloCompileError

    def compile_(text: str):
        if not text.lstrip().startswith("module"):
            text = "module test.Prog\n\nfunction main = |args| {\n" + text + "\n}\n"
        with pytest.raises(GoloCompileError) as info:
            api.compile_source(text, "prog.golo")
        return info.value

    return compile_
