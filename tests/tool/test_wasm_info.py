"""`golo-fast wasm-info`: every guest of guests/ and guests/hostile/, as text and as JSON.

The reader parses the binary itself; its imports and exports are checked against what the
wasm engine reports for the same bytes, its protocol lines against guests/README.md, and its
producers parser against synthetic `producers` sections (the committed guests are stripped).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from golo_fast import cli, wasm_info
from golo_fast.wasm._engine import default_engine

REPO = Path(__file__).resolve().parents[2]
GUESTS = REPO / "guests"
ALL_GUESTS = sorted(GUESTS.glob("*.wasm")) + sorted((GUESTS / "hostile").glob("*.wasm"))
BROKEN = {"not_wasm.wasm": "not a wasm module", "truncated.wasm": "truncated"}


@pytest.fixture(autouse=True)
def _at_the_repository_root(monkeypatch):
    monkeypatch.chdir(REPO)


def run(capsys, *argv):
    capsys.readouterr()
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_guest_is_covered():
    names = {p.name for p in ALL_GUESTS}
    assert {"hello.wasm", "packed.wasm", "as_greet.wasm", "not_wasm.wasm"} <= names
    assert len(ALL_GUESTS) >= 25


@pytest.mark.parametrize("path", ALL_GUESTS, ids=lambda p: p.relative_to(GUESTS).as_posix())
def test_text_and_json(path, capsys):
    rel = str(path.relative_to(REPO))
    if path.name in BROKEN:
        for argv in (("wasm-info", rel), ("wasm-info", "--json", rel)):
            code, out, err = run(capsys, *argv)
            assert code == 1
            assert err.startswith(f"golo-fast: error: {rel}: {BROKEN[path.name]}")
            assert err.count("\n") == 1 and "Traceback" not in err
        return
    code, out, err = run(capsys, "wasm-info", rel)
    assert (code, err) == (0, "")
    assert out.startswith(f"{rel}: wasm module, {path.stat().st_size} bytes\n")
    assert "\nprotocols:\n" in out and "\nexports (" in out

    code, out, err = run(capsys, "wasm-info", "--json", rel)
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report["path"] == rel and report["size"] == path.stat().st_size

    # the same imports and exports, with the same signatures, as the engine sees
    engine = default_engine()
    compiled = engine.compile(path.read_bytes())

    def as_engine(entry):
        sig = (tuple(entry["params"]), tuple(entry["results"])) if "params" in entry else None
        return entry.get("module", ""), entry["name"], entry["kind"], sig

    def from_engine(e):
        sig = (e.signature.params, e.signature.results) if e.signature else None
        return e.namespace, e.name, e.kind, sig

    assert [as_engine(e) for e in report["exports"]] == [from_engine(e) for e in
                                                       engine.exports(compiled)]
    assert [as_engine(e) for e in report["imports"]] == [from_engine(e) for e in
                                                       engine.imports(compiled)]


PROTOCOLS = {
    "hello.wasm": {"hello": "3-function protocol (getResultPtr/getResultLen); input in a "
                            "block from malloc"},
    "hello_nomalloc.wasm": {"hello": "3-function protocol (getResultPtr/getResultLen); input "
                                     "written at offset 1024"},
    "packed.wasm": {"greet": "packed return ptr << 32 | len; malloc/free (host frees)"},
    "packed_alloc.wasm": {"greet": "packed return ptr << 32 | len; allocate/deallocate "
                                   "(host frees)"},
    "as_greet.wasm": {"greet": "packed return ptr << 32 | len; allocate/deallocate "
                               "(host frees)"},
    "no_getters.wasm": {"run": "(ptr, len) export without getResultPtr() -> i32 and "
                               "getResultLen() -> i32: no string result"},
}
MODULE_LINES = {
    "host.wasm": ["host handler: env.hostCallStringHandler (wasmRegisterStringHandler)",
                  "reactor: _initialize runs once at load"],
    "named.wasm": ["host handler: env.hostCallStringHandler (wasmRegisterStringHandler)",
                   "named host handlers: env.hostCallNamedHandler (wasmRegisterStringHandler "
                   "with a name)", "reactor: _initialize runs once at load"],
    "logger.wasm": ["string host import: env.log(ptr, len) (register a host function named "
                    "'log')", "reactor: _initialize runs once at load"],
    "wasi_cmd.wasm": ["WASI command: _start runs once at load (exit code 0 is success)"],
    "wasi_probe.wasm": ["WASI reactor: _initialize runs once at load"],
    "as_greet.wasm": ["string host import: env.log(ptr, len) (register a host function named "
                      "'log')"],
}


@pytest.mark.parametrize("name", sorted(set(PROTOCOLS) | set(MODULE_LINES)))
def test_protocols_as_the_readme_describes(name):
    path = GUESTS / name if (GUESTS / name).exists() else GUESTS / "hostile" / name
    report = wasm_info.to_json(wasm_info.read_file(str(path)))
    for export, text in PROTOCOLS.get(name, {}).items():
        assert report["protocols"][export] == text
    if name in MODULE_LINES:
        assert report["module_protocols"] == MODULE_LINES[name]
    # the allocator exports are not listed as protocol entry points
    assert not {"malloc", "free", "allocate", "deallocate"} & set(report["protocols"])


def test_text_report_of_hello(capsys):
    code, out, _ = run(capsys, "wasm-info", "guests/hello.wasm")
    assert code == 0
    assert out == (
        f"guests/hello.wasm: wasm module, {(GUESTS / 'hello.wasm').stat().st_size} bytes\n"
        "producer: unknown (no producers custom section; stripped modules have none)\n"
        "imports (0):\n"
        "  (none)\n"
        "exports (7):\n"
        "  memory   memory min 2 pages (128 KiB), no maximum\n"
        "  function _initialize () -> ()\n"
        "  function malloc (i32) -> (i32)\n"
        "  function free (i32) -> ()\n"
        "  function getResultPtr () -> (i32)\n"
        "  function getResultLen () -> (i32)\n"
        "  function hello (i32, i32) -> ()\n"
        "memory:\n"
        "  min 2 pages (128 KiB), no maximum\n"
        "protocols:\n"
        "  hello: 3-function protocol (getResultPtr/getResultLen); input in a block from "
        "malloc\n"
        "  reactor: _initialize runs once at load\n")


def test_memory_maximum_and_missing_import():
    grow = wasm_info.to_json(wasm_info.read_file(str(GUESTS / "hostile" / "grow_max.wasm")))
    assert grow["memories"] == [{"min": 3, "max": 10, "shared": False, "memory64": False,
                                 "imported": False}]
    text = wasm_info.format_text(wasm_info.read_file(str(GUESTS / "hostile" / "grow_max.wasm")))
    assert "memory   memory min 3 pages (192 KiB), max 10 pages (640 KiB)" in text
    bad = wasm_info.read_file(str(GUESTS / "hostile" / "bad_getters.wasm"))
    assert "getResultPtr (i32) -> (i32)" in wasm_info.format_text(bad)
    assert wasm_info.to_json(bad)["protocols"]["run"].startswith("(ptr, len) export without")


# -- producers section ------------------------------------------------------------------------

def _leb(n: int) -> bytes:
    out = bytearray()
    while True:
        b, n = n & 0x7F, n >> 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _name(s: str) -> bytes:
    data = s.encode()
    return _leb(len(data)) + data


def producers_section(fields: dict) -> bytes:
    body = _name("producers") + _leb(len(fields))
    for field, values in fields.items():
        body += _name(field) + _leb(len(values))
        for value, version in values:
            body += _name(value) + _name(version)
    return b"\x00" + _leb(len(body)) + body


@pytest.mark.parametrize("fields, toolchain", [
    ({"language": [("Go", "1.21")], "processed-by": [("TinyGo", "0.30.0")]}, "TinyGo"),
    ({"language": [("Rust", "")], "processed-by": [("rustc", "1.74.0 (79e9716c9 2023)")]},
     "Rust"),
    ({"language": [("Zig", "0.11.0")], "processed-by": [("Zig", "0.11.0")]}, "Zig"),
    ({"language": [("C11", "")], "processed-by": [("clang", "17.0.6")]}, "clang"),
    ({"processed-by": [("AssemblyScript", "0.27.0")]}, "AssemblyScript"),
    ({"processed-by": [("wizer", "1.0")]}, "wizer"),
])
def test_producer_from_the_custom_section(fields, toolchain, tmp_path, capsys):
    # a custom section may appear anywhere: appended to a real guest, the module stays valid
    data = (GUESTS / "hello.wasm").read_bytes() + producers_section(fields)
    default_engine().compile(data)
    path = tmp_path / "guest.wasm"
    path.write_bytes(data)
    code, out, _ = run(capsys, "wasm-info", "--json", str(path))
    report = json.loads(out)
    assert code == 0 and report["producer"] == toolchain
    assert report["custom_sections"] == ["producers"]
    first_field, first_values = next(iter(fields.items()))
    assert report["producers"][first_field][0]["name"] == first_values[0][0]
    code, out, _ = run(capsys, "wasm-info", str(path))
    assert f"producer: {toolchain} (" in out


# -- broken files -------------------------------------------------------------------------------

@pytest.mark.parametrize("data, message", [
    (b"", "not a wasm module"),
    (b"\0asm", "truncated: the file ends inside the header"),
    (b"\0asm\x0d\x00\x01\x00", "unsupported wasm binary version"),
    (b"\0asm\x01\x00\x00\x00\x01\x05\x01\x60", "truncated: the type section"),
    (b"\0asm\x01\x00\x00\x00\x01\x04\x01\x60\x01\x55", "malformed type section"),
    (b"\0asm\x01\x00\x00\x00\x00\x03\x09ab", "malformed custom section"),
    (b"\0asm\x01\x00\x00\x00\x01\x02\x80\x80", "malformed type section"),
])
def test_malformed_modules_give_one_line(data, message, tmp_path, capsys):
    path = tmp_path / "bad.wasm"
    path.write_bytes(data)
    code, out, err = run(capsys, "wasm-info", str(path))
    assert code == 1 and out == ""
    assert err.startswith(f"golo-fast: error: {path}: {message}") and err.count("\n") == 1


def test_every_prefix_of_a_guest_is_handled():
    """No truncation point makes the reader raise anything but WasmInfoError."""
    data = (GUESTS / "wasi_probe.wasm").read_bytes()
    for cut in range(0, len(data), 7):
        try:
            wasm_info.read_bytes(data[:cut])
        except wasm_info.WasmInfoError:
            pass


def test_missing_file_and_directory(tmp_path, capsys):
    code, _, err = run(capsys, "wasm-info", str(tmp_path / "nope.wasm"))
    assert code == 2 and "cannot read" in err
    code, _, err = run(capsys, "wasm-info", str(tmp_path))
    assert code == 2 and "is a directory" in err
    assert run(capsys, "wasm-info")[0] == 2


def test_several_files_as_json(capsys):
    code, out, err = run(capsys, "wasm-info", "--json", "guests/hello.wasm",
                         "guests/hostile/not_wasm.wasm")
    assert code == 1
    reports = json.loads(out)
    assert [r["path"] for r in reports] == ["guests/hello.wasm", "guests/hostile/not_wasm.wasm"]
    assert "error" in reports[1] and "exports" in reports[0]


def test_as_a_real_process():
    proc = subprocess.run([sys.executable, "-m", "golo_fast", "wasm-info", "--json",
                           "guests/logger.wasm"], cwd=REPO, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["imports"] == [
        {"module": "env", "kind": "function", "name": "log", "params": ["i32", "i32"],
         "results": []}]


def test_imported_memory_tables_globals_and_start(tmp_path, capsys):
    wasmer = pytest.importorskip("wasmer", reason="wat2wasm comes with wasmer (Python <= 3.10)")
    wat = """(module
      (import "env" "memory" (memory 1 4))
      (import "env" "table" (table 2 funcref))
      (import "env" "g" (global $g (mut i32)))
      (import "env" "log" (func $log (param i32 i32)))
      (global $h i64 (i64.const 7))
      (table $t 1 funcref)
      (func $f (param f32 f64) (result f64) local.get 1)
      (func $s)
      (export "h" (global $h))
      (export "t" (table $t))
      (export "mem" (memory 0))
      (export "f" (func $f))
      (start $s))"""
    path = tmp_path / "imports.wasm"
    path.write_bytes(wasmer.wat2wasm(wat))
    code, out, _ = run(capsys, "wasm-info", str(path))
    assert code == 0
    assert out.split("\n", 2)[2] == (
        "imports (4):\n"
        "  memory   env.memory min 1 page (64 KiB), max 4 pages (256 KiB)\n"
        "  table    env.table 2 elements, no maximum\n"
        "  global   env.g mut i32\n"
        "  function env.log (i32, i32) -> ()\n"
        "exports (4):\n"
        "  global   h i64\n"
        "  table    t 1 element, no maximum\n"
        "  memory   mem min 1 page (64 KiB), max 4 pages (256 KiB)\n"
        "  function f (f32, f64) -> (f64)\n"
        "memory:\n"
        "  min 1 page (64 KiB), max 4 pages (256 KiB) (imported)\n"
        "protocols:\n"
        "  string host import: env.log(ptr, len) (register a host function named 'log')\n"
        "  wasm start function runs at instantiation\n"
        "unsatisfiable imports (wasmLoad refuses the module): env.memory, env.table, env.g\n"
        "custom sections: name\n")


def test_host_imports_with_wrong_signatures_are_unsatisfiable(tmp_path):
    wasmer = pytest.importorskip("wasmer", reason="wat2wasm comes with wasmer (Python <= 3.10)")
    path = tmp_path / "bad_host.wasm"
    path.write_bytes(wasmer.wat2wasm(
        '(module (import "env" "hostCallStringHandler" (func (param i32)))'
        ' (import "env" "hostGetResultPtr" (func (result i32))))'))
    report = wasm_info.to_json(wasm_info.read_file(str(path)))
    assert report["unsatisfiable_imports"] == [
        "env.hostCallStringHandler (i32) -> () (expected (i32, i32) -> (i32))"]
    assert report["module_protocols"] == []
