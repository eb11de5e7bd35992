"""Rebuild every guest in guests/ from its source, byte for byte.

    python guests/build.py            rebuild the committed .wasm files in place
    python guests/build.py --check    rebuild into a temporary directory and exit 1 if any
                                      output differs from (or is missing next to) the
                                      committed bytes
    python guests/build.py --list     print the catalogue (output <- source)

Toolchains (pinned: outputs are only reproducible with the same versions):
  C   -> zig's clang via the `ziglang` wheel, version PINNED_ZIG, target wasm32-wasi
  WAT -> `wasmer.wat2wasm` from the `wasmer` wheel, version PINNED_WASMER
  AssemblyScript -> `asc` PINNED_ASC from npm, installed by `npm ci` in guests/assemblyscript
A different version is refused (exit 2) rather than silently producing other bytes.
AssemblyScript is optional: without guests/assemblyscript/node_modules the AS guests are
skipped (said on stderr; the committed .wasm stays), with it they are built and checked.

Run it with the project's Python 3.10 venv (`make guests` does): it uses sys.executable
to run `-m ziglang`. Builds run with guests/ as the working directory and relative paths
only, so the checkout location never leaks into the output.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

PINNED_ZIG = "0.17.1"
PINNED_WASMER = "1.1.0"
PINNED_ASC = "0.28.20"        # also in guests/assemblyscript/package.json (+ lock file)

HERE = Path(__file__).resolve().parent
ASC = HERE / "assemblyscript" / "node_modules" / ".bin" / "asc"
ASC_FLAGS = ["-O3", "--runtime", "minimal", "--use", "abort=", "--noAssert"]

# Flags shared by every C guest. -s strips names so no path or symbol churn reaches the
# output; a 64 KiB shadow stack (zig's default is 16 MiB, i.e. 257 initial pages for a
# hello world) keeps instances small.
C_BASE = ["--target=wasm32-wasi", "-O2", "-s", "-Iinclude", "-Wall", "-Werror"]
REACTOR = ["-mexec-model=reactor"]
STACK_64K = ["-Wl,-z,stack-size=65536"]
EXPORT_MALLOC = ["-Wl,--export=malloc", "-Wl,--export=free"]


@dataclass(frozen=True)
class Guest:
    """One output file and how to make it."""

    output: str                 # path relative to guests/
    source: str                 # path relative to guests/
    kind: str                   # "c", "wat", "asc", "garbage" (NOT_WASM) or "truncate"
                                # (first half of the output named by `source`)
    flags: tuple[str, ...] = field(default=())


def c(output: str, source: str, *flags: str) -> Guest:
    return Guest(output, source, "c", tuple(flags))


def wat(output: str, source: str) -> Guest:
    return Guest(output, source, "wat")


HOSTILE_WAT = ["bad_ptr", "wrap_len", "past_end", "trap", "stack_overflow", "grow_max",
               "bad_utf8", "no_getters", "bad_getters", "handler_spam", "infinite_loop",
               "missing_import"]

# not_wasm.wasm: bytes that start like nothing wasm knows (no \0asm magic).
NOT_WASM = b"this is not a WebAssembly module\n\x00\xff\xfe garbage follows\n" * 4

# Order matters: "truncate" guests read an output built earlier in the list.
GUESTS: list[Guest] = [
    c("hello.wasm", "src/hello.c", *REACTOR, *STACK_64K, *EXPORT_MALLOC),
    # see the source: stack below the fixed input area, data/heap above it
    c("hello_nomalloc.wasm", "src/hello_nomalloc.c", *REACTOR,
      "-Wl,-z,stack-size=1024", "-Wl,--global-base=67584"),
    c("echo.wasm", "src/echo.c", *REACTOR, *STACK_64K, *EXPORT_MALLOC),
    c("host.wasm", "src/host.c", *REACTOR, *STACK_64K, *EXPORT_MALLOC),
    c("named.wasm", "src/named.c", *REACTOR, *STACK_64K, *EXPORT_MALLOC),
    c("grow.wasm", "src/grow.c", *REACTOR, *STACK_64K, *EXPORT_MALLOC),
    c("packed.wasm", "src/packed.c", *REACTOR, *STACK_64K, *EXPORT_MALLOC),
    c("packed_alloc.wasm", "src/packed_alloc.c", *REACTOR, *STACK_64K),
    c("logger.wasm", "src/logger.c", *REACTOR, *STACK_64K, *EXPORT_MALLOC),
    c("wasi_probe.wasm", "src/wasi_probe.c", *REACTOR, *STACK_64K, *EXPORT_MALLOC),
    # commands: no -mexec-model (the default is command: _start calls main)
    c("wasi_cmd.wasm", "src/wasi_cmd.c", *STACK_64K, *EXPORT_MALLOC),
    c("wasi_cmd_exit0.wasm", "src/wasi_cmd.c", "-DEXPLICIT_EXIT", *STACK_64K, *EXPORT_MALLOC),
    *(wat(f"hostile/{name}.wasm", f"hostile/{name}.wat") for name in HOSTILE_WAT),
    Guest("as_greet.wasm", "assemblyscript/as_greet.ts", "asc", tuple(ASC_FLAGS)),
    Guest("hostile/not_wasm.wasm", "build.py", "garbage"),
    Guest("hostile/truncated.wasm", "hello.wasm", "truncate"),
]


def zig_version() -> str:
    out = subprocess.run([sys.executable, "-m", "ziglang", "version"], capture_output=True,
                         text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"error: `{sys.executable} -m ziglang version` failed "
                         f"(is the ziglang=={PINNED_ZIG} wheel installed?):\n{out.stderr}")
    return out.stdout.strip()


def asc_installed() -> bool:
    """Whether the optional AssemblyScript compiler is installed (its version is checked)."""
    return ASC.exists()


def asc_version() -> str:
    out = subprocess.run([str(ASC), "--version"], capture_output=True, text=True,
                         check=False, cwd=HERE)
    return out.stdout.strip().removeprefix("Version ").strip() or out.stderr.strip()


def check_toolchains() -> None:
    """Refuse to build with anything but the pinned compilers (exit status 2)."""
    problems = []
    if asc_installed() and (av := asc_version()) != PINNED_ASC:
        problems.append(f"asc is {av}, AssemblyScript guests are pinned to {PINNED_ASC}: "
                        "`cd guests/assemblyscript && npm ci`")
    zv = zig_version()
    if zv != PINNED_ZIG:
        problems.append(f"ziglang is {zv}, guests are pinned to {PINNED_ZIG}: "
                        f"`pip install ziglang=={PINNED_ZIG}`")
    try:
        import wasmer
    except ImportError as exc:
        problems.append(f"wasmer=={PINNED_WASMER} is needed for the WAT guests ({exc})")
    else:
        if wasmer.__version__ != PINNED_WASMER:
            problems.append(f"wasmer is {wasmer.__version__}, WAT guests are pinned to "
                            f"{PINNED_WASMER}")
    if problems:
        print("error: toolchain mismatch, refusing to build (outputs would differ):",
              *problems, sep="\n  ", file=sys.stderr)
        raise SystemExit(2)


def run_compiler(guest: Guest, cmd: list[str]) -> None:
    res = subprocess.run(cmd, cwd=HERE, capture_output=True, text=True, check=False)
    if res.returncode != 0:
        raise SystemExit(f"error: building {guest.output} failed:\n  {' '.join(cmd)}\n"
                         f"{res.stdout}{res.stderr}")


def build_one(guest: Guest, out_dir: Path) -> None:
    target = out_dir / guest.output
    target.parent.mkdir(parents=True, exist_ok=True)
    if guest.kind == "c":
        run_compiler(guest, [sys.executable, "-m", "ziglang", "cc", *C_BASE, *guest.flags,
                             "-o", str(target), guest.source])
    elif guest.kind == "wat":
        import wasmer
        text = (HERE / guest.source).read_text(encoding="utf-8")
        target.write_bytes(bytes(wasmer.wat2wasm(text)))
    elif guest.kind == "asc":
        run_compiler(guest, [str(ASC), guest.source, *guest.flags, "-o", str(target)])
    elif guest.kind == "garbage":
        target.write_bytes(NOT_WASM)
    elif guest.kind == "truncate":
        # the first half of an output built earlier in this same run
        whole = (out_dir / guest.source).read_bytes()
        target.write_bytes(whole[: len(whole) // 2])
    else:
        raise AssertionError(f"unknown guest kind {guest.kind!r}")


def buildable() -> list[Guest]:
    """The guests this machine can build; says on stderr which optional ones it skips."""
    if asc_installed():
        return GUESTS
    skipped = [g for g in GUESTS if g.kind == "asc"]
    for guest in skipped:
        print(f"note: skipping {guest.output}: AssemblyScript {PINNED_ASC} is not installed "
              "(`cd guests/assemblyscript && npm ci` to build and check it)", file=sys.stderr)
    return [g for g in GUESTS if g not in skipped]


def build_all(out_dir: Path, guests: list[Guest]) -> None:
    for guest in guests:
        build_one(guest, out_dir)


def check(guests: list[Guest], verbose: bool) -> int:
    """Rebuild into a temp dir; return the number of outputs that differ from guests/."""
    with tempfile.TemporaryDirectory(prefix="golo-guests-") as tmp:
        build_all(Path(tmp), guests)
        bad = 0
        for guest in guests:
            fresh = (Path(tmp) / guest.output).read_bytes()
            committed_path = HERE / guest.output
            if not committed_path.exists():
                print(f"MISSING  {guest.output} (not committed; run guests/build.py)")
                bad += 1
            elif committed_path.read_bytes() != fresh:
                print(f"DIFFERS  {guest.output}: committed {committed_path.stat().st_size} B, "
                      f"rebuilt {len(fresh)} B")
                bad += 1
            elif verbose:
                print(f"same     {guest.output}")
        return bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="rebuild into a temp dir and compare with the committed bytes")
    parser.add_argument("--list", action="store_true", help="print output <- source and exit")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if args.list:
        for guest in GUESTS:
            print(f"{guest.output:32} <- {guest.source} ({guest.kind})")
        return 0
    check_toolchains()
    guests = buildable()
    if args.check:
        bad = check(guests, args.verbose)
        if bad:
            print(f"{bad} guest(s) differ from a fresh build with zig {PINNED_ZIG}; "
                  f"run `python guests/build.py` and commit", file=sys.stderr)
            return 1
        print(f"all {len(guests)} guests rebuild identically")
        return 0
    build_all(HERE, guests)
    print(f"built {len(guests)} guests in {os.path.relpath(HERE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
