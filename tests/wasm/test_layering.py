"""Only the engine module imports the engine: everything else goes through the boundary."""
from __future__ import annotations

import ast
from pathlib import Path

import golo_fast

PACKAGE = Path(golo_fast.__file__).parent
ENGINE_PACKAGES = {"wasmer", "wasmer_compiler_cranelift", "wasmtime"}


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_only_engine_modules_import_an_engine():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.parent.name == "wasm" and path.name.startswith("_engine_"):
            continue
        if imported_roots(path) & ENGINE_PACKAGES:
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_the_wasmer_engine_does_import_wasmer():
    # guards the test above against vacuously passing (e.g. a renamed engine module)
    assert "wasmer" in imported_roots(PACKAGE / "wasm" / "_engine_wasmer.py")
