"""Every code block of the guides in docs/ is executed (docs/README.md states the rules).

- ```golo: a whole script, run with `golo-fast`; the ```output block after it is its stdout.
- ```golo-repl: a REPL transcript; `golo> ` / `  ... ` lines are typed into `golo-fast repl`
  (piped), every other line is what it prints (stdout and stderr, in order).
- ```python: run with this interpreter; a following ```output block is its stdout.
- ```console: `$ ` lines are commands — `golo-fast ...`, or the pinned C toolchain
  `python -m ziglang cc ...` — each followed by its exact output (stdout and stderr).
- `<!-- file: NAME -->` before a block writes the block to NAME instead of running it.
- `<!-- not run: REASON -->` before a block (TinyGo, Rust, Cargo files, long benchmark runs)
  keeps it as text; the reason must be given, and Go/Rust guests are checked for the exports
  the guide describes.

Blocks run in order, in one scratch directory per guide holding `guests/` and `benchmarks/`
(links to the repository's), so a guide can write a file in one block and use it in the next.
"""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
GUIDES = sorted(p for p in DOCS.glob("*.md"))
FENCE = re.compile(r"^```([\w+-]*)[^\n]*\n(.*?)^```[ \t]*$", re.M | re.S)
MARKER = re.compile(r"<!--\s*(file|not run):\s*(.*?)\s*-->\s*$")
RUNNABLE = {"golo", "golo-repl", "python", "console", "output"}


@dataclass
class Block:
    lang: str
    text: str
    line: int
    marker: tuple | None      # ("file", name) or ("not run", reason)


def blocks_of(path: Path) -> list[Block]:
    source = path.read_text(encoding="utf-8")
    out = []
    for m in FENCE.finditer(source):
        before = source[:m.start()].rstrip("\n").rsplit("\n", 1)[-1]
        marker = MARKER.search(before)
        out.append(Block(m.group(1), m.group(2), source.count("\n", 0, m.start()) + 1,
                         (marker.group(1), marker.group(2)) if marker else None))
    return out


def test_the_guides_exist():
    names = {p.name for p in GUIDES}
    assert {"README.md", "tour.md", "tools.md", "guests-c-zig.md", "guests-tinygo-rust.md",
            "embedding.md", "benchmarks.md"} <= names


@pytest.fixture
def scratch(tmp_path):
    for name in ("guests", "benchmarks"):
        (tmp_path / name).symlink_to(REPO / name)
    return tmp_path


def _env(scratch: Path) -> dict:
    env = dict(os.environ, GOLO_FAST_CACHE_DIR=str(scratch / ".cache"),
               XDG_DATA_HOME=str(scratch / ".data"), PYTHONIOENCODING="utf-8")
    env.pop("NO_COLOR", None)
    return env


def _golo(*args, cwd, stdin=None, merge=False):
    return subprocess.run([sys.executable, "-m", "golo_fast", *args], cwd=cwd, input=stdin,
                          capture_output=not merge, stdout=subprocess.PIPE if merge else None,
                          stderr=subprocess.STDOUT if merge else None, text=True,
                          timeout=300, env=_env(cwd))


def _where(path: Path, block: Block) -> str:
    return f"{path.relative_to(REPO)}:{block.line} ({block.lang})"


def _check_text_only(path: Path, block: Block):
    reason = block.marker[1]
    assert len(reason) > 15, f"{_where(path, block)}: say why the block is not run"
    if block.lang == "go":
        assert "//export " in block.text or "//go:wasmexport" in block.text
        assert "package main" in block.text
    if block.lang == "rust":
        assert "#[no_mangle]" in block.text or "#[unsafe(no_mangle)]" in block.text
        assert "extern \"C\"" in block.text


def _run_console(path: Path, block: Block, cwd: Path):
    chunks = re.split(r"^\$ ", block.text, flags=re.M)
    assert chunks[0].strip() == "", f"{_where(path, block)}: text before the first `$ `"
    for chunk in chunks[1:]:
        command, _, expected = chunk.partition("\n")
        argv = shlex.split(command)
        if argv[0] == "golo-fast":
            argv = [sys.executable, "-m", "golo_fast", *argv[1:]]
        elif argv[:3] == ["python", "-m", "ziglang"]:
            pytest.importorskip("ziglang", reason="the pinned C toolchain (ziglang, in the "
                                                  "test extra) is not installed")
            argv = [sys.executable, *argv[1:]]
        else:
            pytest.fail(f"{_where(path, block)}: console blocks run golo-fast (or the "
                        f"pinned `python -m ziglang cc`) only, not {argv[0]!r}")
        proc = subprocess.run(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, timeout=600, env=_env(cwd))
        assert proc.stdout == expected, f"{_where(path, block)}: `{command}` printed:\n" \
                                        f"{proc.stdout}"


def _run_repl(path: Path, block: Block, cwd: Path):
    typed, expected = [], []
    for line in block.text.splitlines():
        if line.startswith("golo> "):
            typed.append(line[6:])
        elif line.startswith("  ... "):
            typed.append(line[6:])
        elif line in ("golo>", "  ..."):
            typed.append("")
        else:
            expected.append(line)
    proc = _golo("repl", cwd=cwd, stdin="\n".join(typed) + "\n", merge=True)
    assert proc.stdout.splitlines() == expected, f"{_where(path, block)}: the REPL printed:\n" \
                                                 f"{proc.stdout}"


@pytest.mark.parametrize("path", [p for p in GUIDES], ids=lambda p: p.name)
def test_every_block_runs(path, scratch):
    blocks = blocks_of(path)
    for i, block in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        expected = following.text if following is not None and following.lang == "output" \
            else None
        if block.marker is not None and block.marker[0] == "file":
            target = scratch / block.marker[1]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(block.text, encoding="utf-8")
            continue
        if block.marker is not None:
            _check_text_only(path, block)
            continue
        assert block.lang in RUNNABLE, (f"{_where(path, block)}: a ```{block.lang} block must "
                                        "be runnable or marked <!-- not run: REASON -->")
        if block.lang == "output":
            previous = blocks[i - 1] if i else None
            assert previous is not None and previous.lang in ("golo", "python"), \
                f"{_where(path, block)}: an output block follows a golo or python block"
        elif block.lang == "golo":
            assert expected is not None, f"{_where(path, block)}: give the script's output"
            script = scratch / f"block{block.line}.golo"
            script.write_text(block.text, encoding="utf-8")
            proc = _golo(script.name, cwd=scratch)
            assert (proc.returncode, proc.stderr) == (0, ""), \
                f"{_where(path, block)}: {proc.stderr}"
            assert proc.stdout == expected, f"{_where(path, block)}: printed\n{proc.stdout}"
        elif block.lang == "golo-repl":
            _run_repl(path, block, scratch)
        elif block.lang == "python":
            proc = subprocess.run([sys.executable, "-"], input=block.text, cwd=scratch,
                                  capture_output=True, text=True, timeout=300,
                                  env=_env(scratch))
            assert proc.returncode == 0, f"{_where(path, block)}: {proc.stderr}"
            if expected is not None:
                assert proc.stdout == expected, f"{_where(path, block)}: printed\n{proc.stdout}"
        elif block.lang == "console":
            _run_console(path, block, scratch)
