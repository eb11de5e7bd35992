"""WASI: sandbox defaults, explicit grants, stdio capture, reactors and commands."""
from __future__ import annotations

import io

import pytest

from golo_fast import errors
from golo_fast.wasm import WasiConfig

DEFAULT_PROBE = "passwd=denied file=<none> env=0 home=<none> argc=1 argv0=wasi_probe.wasm"


def test_sandbox_defaults(load, guest):
    with load(guest("wasi_probe")) as r:            # no WasiConfig at all
        assert r.call_string("probe", "") == DEFAULT_PROBE
    with load(guest("wasi_probe"), wasi=WasiConfig()) as r:
        assert r.call_string("probe", "") == DEFAULT_PROBE
        assert r.call_string("probe", "/etc/hostname").startswith("passwd=denied file=denied")


def test_grants(load, guest, tmp_path):
    (tmp_path / "note.txt").write_text("first line\nsecond line\n")
    config = WasiConfig(args=["--flag", "value"], env={"HOME": "/home/guest", "LANG": "C"},
                        dirs={"/data": str(tmp_path)})
    with load(guest("wasi_probe"), wasi=config) as r:
        assert r.call_string("probe", "/data/note.txt") == (
            "passwd=denied file=first line env=2 home=/home/guest argc=3 argv0=wasi_probe.wasm")
        # a granted directory does not open the rest of the file system
        assert r.call_string("probe", "/data/../../etc/passwd").startswith(
            "passwd=denied file=denied")


def test_capture_stdout_and_stderr_into_strings(load, guest):
    out, err = io.StringIO(), io.StringIO()
    with load(guest("wasi_probe"), wasi=WasiConfig(stdout=out, stderr=err)) as r:
        assert r.call_string("say", "héllo 🌸") == ""
        r.call_string("say", "again")
    assert out.getvalue() == "héllo 🌸\nagain\n"
    assert err.getvalue() == "err:héllo 🌸\nerr:again\n"


def test_capture_into_a_binary_file(load, guest):
    out = io.BytesIO()
    with load(guest("wasi_probe"), wasi=WasiConfig(stdout=out)) as r:
        r.call_bytes("say", b"raw \xff")
    assert out.getvalue() == b"raw \xff\n"


def test_uncaptured_stream_goes_to_the_process_fd(load, guest, capfd):
    out = io.StringIO()
    with load(guest("wasi_probe"), wasi=WasiConfig(stdout=out)) as r:
        r.call_string("say", "x")
    assert out.getvalue() == "x\n"
    captured = capfd.readouterr()
    assert captured.err == "err:x\n" and captured.out == ""


def test_command_module_runs_start_at_load(load, guest):
    for name in ("wasi_cmd", "wasi_cmd_exit0"):   # returns from main / calls exit(0)
        out = io.StringIO()
        with load(guest(name), wasi=WasiConfig(stdout=out)) as r:
            assert out.getvalue() == "started\n"
            assert r.exit_code == 0
            assert r.call_string("hello", "cmd") == "Hello, cmd!!!"


def test_reactor_has_no_exit_code(load, guest):
    with load(guest("wasi_probe")) as r:
        assert r.exit_code is None


EXIT_3_WAT = """
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (func (export "_start") (call $exit (i32.const 3))))
"""


def test_command_exiting_nonzero_fails_the_load(load, wat2wasm):
    with pytest.raises(errors.WasmExit,
                       match=r"module 'exit3': _start exited with code 3") as info:
        load(wat2wasm(EXIT_3_WAT), name="exit3")
    assert info.value.code == 3


EXIT_IN_CALL_WAT = """
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (func (export "quit") (param i32) (call $exit (local.get 0))))
"""


def test_exit_from_a_call(load, wat2wasm):
    with load(wat2wasm(EXIT_IN_CALL_WAT), name="quitter") as r:
        assert r.exit_code is None                 # a reactor: nothing ran at load
        assert r.call("quit", 0) is None           # exit(0) is success, not an error
        with pytest.raises(errors.WasmExit,
                           match=r"module 'quitter', export 'quit': the guest exited with "
                                 r"code 3") as info:
            r.call("quit", 3)
        assert info.value.code == 3
