"""Fuzzing the loader: mutated and truncated versions of every committed guest give
WasmLoadError (or another GoloError) or a working runner, never a crash of the interpreter.

The mutants are loaded, called and closed by loader_worker.py in a subprocess, in batches: a
segfault or abort there is reported with the file that caused it, and a mutant that loops
forever is stopped by wasmtime's fuel (wasmer, which cannot be interrupted, only runs what
finished on wasmtime). The seed is printed on failure; GOLO_FAST_FUZZ_SEED=N replays a run.
Mutants that failed once are kept in regressions/loader/ and loaded on every run.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import time

from hostile_support import HERE, REGRESSIONS, REPO, available_engines, guest_files, scaled

ENGINES = available_engines()

MUTANTS = scaled(48)
PER_FILE_SECONDS = 30


def mutate(data: bytes, rng: random.Random, donors: list[bytes]) -> tuple[str, bytes]:
    """One mutant of `data` and a description of what was done."""
    kind = rng.choice(["truncate", "flip", "interesting", "insert", "delete", "splice",
                       "header", "multi"])
    b = bytearray(data)
    if kind == "truncate":
        cut = rng.randrange(0, len(b))
        return f"truncate@{cut}", bytes(b[:cut])
    if kind == "flip":
        at = rng.randrange(len(b))
        b[at] ^= 1 << rng.randrange(8)
        return f"flip@{at}", bytes(b)
    if kind == "interesting":
        at = rng.randrange(len(b))
        b[at] = rng.choice([0x00, 0x01, 0x7F, 0x80, 0xFF, 0x40, 0x41, 0x0B])
        return f"set@{at}={b[at]:#x}", bytes(b)
    if kind == "insert":
        at = rng.randrange(len(b) + 1)
        chunk = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 9)))
        return f"insert@{at}", bytes(b[:at] + chunk + b[at:])
    if kind == "delete":
        at = rng.randrange(len(b))
        return f"delete@{at}", bytes(b[:at] + b[at + rng.randrange(1, 9):])
    if kind == "splice":
        donor = rng.choice(donors)
        at, start = rng.randrange(len(b)), rng.randrange(len(donor))
        return f"splice@{at}", bytes(b[:at] + donor[start:start + rng.randrange(1, 64)] +
                                     b[at + rng.randrange(0, 64):])
    if kind == "header":   # section ids and sizes live near the start
        at = rng.randrange(8, min(len(b), 64))
        b[at] = rng.randrange(256)
        return f"header@{at}={b[at]:#x}", bytes(b)
    for _ in range(rng.randrange(2, 16)):
        b[rng.randrange(len(b))] = rng.randrange(256)
    return "multi", bytes(b)


def run_batch(files: list, results, engines, records=None) -> list:
    """Run the worker over `files`, restarting after a crash or hang; [(file, problem)].
    Each file's record (its steps) is appended to `records` when given."""
    problems = []
    pending = list(files)
    env = dict(os.environ, GOLO_FAST_NO_CACHE="1")
    while pending:
        results.write_text("")
        proc = subprocess.Popen([sys.executable, str(HERE / "loader_worker.py"), str(results),
                                 ",".join(engines), *map(str, pending)], cwd=REPO, env=env)
        deadline = time.monotonic() + PER_FILE_SECONDS
        last_progress = 0
        while proc.poll() is None:
            time.sleep(0.05)
            lines = results.read_text().count("\n")
            if lines != last_progress:
                last_progress, deadline = lines, time.monotonic() + PER_FILE_SECONDS
            if time.monotonic() > deadline:
                proc.kill()
                proc.wait()
                break
        done, started = set(), None
        for line in results.read_text().splitlines():
            if line.startswith("start "):
                started = line[6:]
                continue
            record = json.loads(line)
            done.add(record["file"])
            if records is not None:
                records.append(record)
            started = None
            bugs = [f"{what}: {result}" for what, result in record["steps"]
                    if result.startswith("BUG")]
            if bugs:
                problems.append((record["file"], "; ".join(bugs)))
        if started is not None:
            why = (f"killed after {PER_FILE_SECONDS} s without progress"
                   if proc.returncode in (-9,) else f"worker died (exit {proc.returncode})")
            problems.append((started, why))
            done.add(started)
        elif proc.returncode != 0:
            problems.append(("<worker>", f"exit {proc.returncode}"))
            break
        pending = [f for f in pending if str(f) not in done]
    return problems


def test_mutated_and_truncated_guests(tmp_path):
    seed = int(os.environ.get("GOLO_FAST_FUZZ_SEED", random.randrange(2**32)))
    rng = random.Random(seed)
    originals = [(p, p.read_bytes()) for p in guest_files() if p.stat().st_size > 8]
    donors = [data for _, data in originals]
    files = []
    for i in range(MUTANTS):
        # every guest gets mutants in turn (the small hostile ones are mutated in their code)
        path, data = originals[i % len(originals)]
        how, mutant = mutate(data, rng, donors)
        target = tmp_path / f"{i:04d}-{path.stem}-{how.replace('=', '_')}.wasm"
        target.write_bytes(mutant)
        files.append(target)
    files += sorted((REGRESSIONS / "loader").glob("*.wasm"))
    records = []
    problems = run_batch(files, tmp_path / "results.txt", ENGINES, records)
    steps = [result for record in records for what, result in record["steps"]]
    print(f"loader fuzz, seed {seed}: {len(files)} modules, {len(steps)} steps, "
          f"{steps.count('ok')} ok, {len(steps) - steps.count('ok')} refused or failed cleanly")
    if problems:
        keep = tmp_path / "failed"
        keep.mkdir()
        for file, _ in problems:
            if os.path.exists(file):
                shutil.copy(file, keep)
        report = "\n".join(f"  {os.path.basename(f)}: {why}" for f, why in problems)
        raise AssertionError(f"seed {seed}: {len(problems)} mutant(s) broke the loader "
                             f"(copies in {keep}; keep them in {REGRESSIONS / 'loader'}):\n"
                             f"{report}")
    assert len(records) == len(files)
    loads = [result for record in records for what, result in record["steps"]
             if what.endswith(" load")]
    # not vacuous: some mutants still load (and are called), some are refused
    assert "ok" in loads and "WasmLoadError" in loads


def test_every_truncation_of_a_small_guest(tmp_path):
    # exhaustively: every prefix of the smallest hostile guest (the article's `truncated.wasm`
    # is one of them) is refused cleanly or loads
    source = min((p for p in guest_files() if p.parent.name == "hostile"
                  and p.read_bytes()[:4] == b"\0asm"), key=lambda p: p.stat().st_size)
    data = source.read_bytes()
    step = max(1, len(data) // scaled(60))
    files = []
    for cut in range(0, len(data), step):
        target = tmp_path / f"{source.stem}-cut{cut:05d}.wasm"
        target.write_bytes(data[:cut])
        files.append(target)
    assert run_batch(files, tmp_path / "results.txt", ENGINES) == []
