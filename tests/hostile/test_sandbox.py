"""The WASI sandbox: defaults deny, grants work, and a granted directory is a boundary that
neither `..` nor a symbolic link crosses. Every test runs on each engine and protocol
implementation, and the same runner keeps answering after each denial.

tests/wasm/test_wasi.py shows the defaults and one grant; this file attacks them. Probe report
format: guests/README.md (`wasi_probe.wasm`).
"""
from __future__ import annotations

import os
import sys

import pytest

from golo_fast import errors
from golo_fast.wasm import WasiConfig


def probe(r, path: str = "") -> dict:
    report = r.call_string("probe", path)
    fields = {}
    for part in report.split(" "):
        key, _, value = part.partition("=")
        if key in ("passwd", "file", "env", "home", "argc", "argv0"):
            fields[key] = value
        else:   # a first line with spaces belongs to `file`
            fields["file"] += " " + part
    return fields


@pytest.fixture
def tree(tmp_path):
    """granted/ (note.txt, sub/, an inside link) next to secret.txt and outside/ it must not
    reach."""
    granted = tmp_path / "granted"
    (granted / "sub").mkdir(parents=True)
    (granted / "note.txt").write_text("inside line\n")
    (granted / "sub" / "deep.txt").write_text("deep line\n")
    os.symlink("note.txt", granted / "in_link")                  # stays inside: harmless
    (tmp_path / "secret.txt").write_text("SECRET line\n")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "s2.txt").write_text("SECRET2\n")
    return tmp_path


def test_defaults_grant_nothing(load, guest, monkeypatch):
    # the host process's environment and argv never reach the guest
    monkeypatch.setenv("GOLO_FAST_SECRET_TOKEN", "hunter2")
    monkeypatch.setattr(sys, "argv", ["host-program", "--password", "hunter2"])
    with load(guest("wasi_probe")) as r:
        report = probe(r, "/etc/passwd")
        assert report == {"passwd": "denied", "file": "denied", "env": "0", "home": "<none>",
                          "argc": "1", "argv0": "wasi_probe.wasm"}
        # (files: wasmer opens "/" itself, its own empty virtual root, which holds nothing)
        for path in ("/proc/self/environ", "/etc/hostname", "/etc/../etc/passwd", "etc/passwd",
                     "../etc/passwd", os.path.abspath(__file__), "/dev/zero"):
            assert probe(r, path)["file"] == "denied", path
        assert r.call_string("probe", "") .startswith("passwd=denied file=<none>")


def test_argv0_is_the_module_name(load, guest):
    with load(guest("wasi_probe"), name="plugin-7") as r:
        assert probe(r)["argv0"] == "plugin-7" and probe(r)["argc"] == "1"


def test_each_grant_works_and_its_absence_denies(load, guest, tree):
    # a granted /etc of the host's choosing (the real one holds links that leave it, which
    # the wasmer engine refuses: see test_symlinks_cannot_leave_a_granted_dir)
    (tree / "etc").mkdir()
    (tree / "etc" / "passwd").write_text("guest:x:1000:1000::/home/guest:/bin/sh\n")
    grants = WasiConfig(args=["--verbose"], env={"HOME": "/home/guest"},
                        dirs={"/etc": str(tree / "etc"), "/data": str(tree / "granted")})
    with load(guest("wasi_probe"), wasi=grants) as r:
        report = probe(r, "/etc/passwd")
        assert report == {"passwd": "readable", "file": "guest:x:1000:1000::/home/guest:/bin/sh",
                          "env": "1",
                          "home": "/home/guest", "argc": "2", "argv0": "wasi_probe.wasm"}
        assert probe(r, "/data/note.txt")["file"] == "inside line"
    # the same module loaded again without grants sees none of it: grants are per runner
    with load(guest("wasi_probe")) as r:
        report = probe(r, "/data/note.txt")
        assert report["passwd"] == "denied" and report["file"] == "denied"
        assert (report["env"], report["home"], report["argc"]) == ("0", "<none>", "1")
    # one grant does not imply another
    with load(guest("wasi_probe"), wasi=WasiConfig(dirs={"/data": str(tree / "granted")})) as r:
        assert probe(r, "/etc/passwd")["file"] == "denied"
        assert probe(r)["env"] == "0"


@pytest.mark.parametrize("path", [
    "/data/../secret.txt", "/data/sub/../../secret.txt", "/data/sub/../../../../../etc/passwd",
    "/data/../outside/s2.txt", "../secret.txt", "secret.txt", "/data/../granted/note.txt",
    str("/data/" + "../" * 40 + "etc/passwd"),
])
def test_dot_dot_cannot_leave_a_granted_dir(load, guest, tree, path):
    with load(guest("wasi_probe"), wasi=WasiConfig(dirs={"/data": str(tree / "granted")})) as r:
        assert probe(r, path)["file"] == "denied"
        # paths that stay inside still work, on the same runner
        assert probe(r, "/data/sub/../note.txt")["file"] == "inside line"
        assert probe(r, "/data/./sub/deep.txt")["file"] == "deep line"
        assert probe(r, "/data/in_link")["file"] == "inside line"


@pytest.mark.parametrize("link, target, through", [
    ("abs_link", "{tmp}/secret.txt", "/data/abs_link"),
    ("rel_link", "../secret.txt", "/data/rel_link"),
    ("dir_link", "{tmp}/outside", "/data/dir_link/s2.txt"),
    ("root_link", "/", "/data/root_link/etc/passwd"),
    ("sub/up_link", "../..", "/data/sub/up_link/secret.txt"),
])
def test_symlinks_cannot_leave_a_granted_dir(load, guest, tree, engine, link, target, through):
    os.symlink(target.format(tmp=tree), tree / "granted" / link)
    grants = WasiConfig(dirs={"/data": str(tree / "granted")})
    if engine == "wasmer":
        # wasmer 1.1.0 follows such links (a link to / opened the host's /etc/passwd): the
        # bridge refuses the grant at load instead
        with pytest.raises(errors.WasmLoadError,
                           match=r"holds the symbolic link .* which leads outside it"):
            load(guest("wasi_probe"), wasi=grants)
        (tree / "granted" / link).unlink()
        with load(guest("wasi_probe"), wasi=grants) as r:   # without it, the grant loads
            assert probe(r, "/data/note.txt")["file"] == "inside line"
            assert probe(r, through)["file"] == "denied"
        return
    with load(guest("wasi_probe"), wasi=grants) as r:
        assert probe(r, through)["file"] == "denied"
        assert probe(r, "/data/note.txt")["file"] == "inside line"


def test_links_inside_a_granted_dir_are_allowed(load, guest, tree):
    os.symlink("sub", tree / "granted" / "sub_link")
    with load(guest("wasi_probe"), wasi=WasiConfig(dirs={"/data": str(tree / "granted")})) as r:
        assert probe(r, "/data/in_link")["file"] == "inside line"
        assert probe(r, "/data/sub_link/deep.txt")["file"] == "deep line"
