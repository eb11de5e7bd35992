"""Print the benchmark table from a saved pytest-benchmark JSON run.

    python benchmarks/report.py                 # the newest run under .benchmarks/
    python benchmarks/report.py RUN.json        # a given run
    python benchmarks/report.py --markdown      # the same table as Markdown (for the README)

Each row is one measure (per operation: the round's median divided by the operations a round
makes), the floor it is divided by (measured in the same run), the ratio of the medians, the
paired ratio (measure and floor run in alternation right after the measure, in short windows;
each window keeps each side's fastest run and the median over windows is taken: both sides
see the same load, and preempted runs drop out, so on shared cores this is the ratio to
trust; benchlib.paired_ratio), the ratio of the minimums, and the target. A target is judged
on the paired ratio where the row has one, else on the ratio of medians; a miss is marked.
Rows and their floors are declared by the benchmarks themselves (benchlib.measure(...,
floor=, target=)); the targets that combine several rows are computed in table_lines().
Exit status 0 even when targets miss: the table reports; `make bench-compare` judges regressions.
"""
from __future__ import annotations

import argparse
import glob
import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

CYTHON_OVERHEAD_TARGET = 0.25   # (cython - floor) / (twin - floor), call_string 10 B
COMPUTE_GEOMEAN_TARGET = 2.0    # geometric mean of Golo / CPython over the compute rows
PEER_TARGET = 1.0               # golo-fast's fastest 10 B round trip / each peer's, both
                                # timed by benchmarks/peers/peer_bench.py back to back


def newest_run() -> str:
    runs = glob.glob(os.path.join(REPO, ".benchmarks", "*", "*.json"))
    if not runs:
        sys.exit("no saved run under .benchmarks/: run `make bench` first")
    return max(runs, key=os.path.getmtime)


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}" if seconds < 1000 * scale else \
                f"{seconds / scale:.0f} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def fmt_ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}×"


class Rows:
    """The benchmarks of one run, by label, with per-operation statistics."""

    def __init__(self, data: dict):
        self.order: list[dict] = []
        self.by_label: dict[str, dict] = {}
        for bench in data["benchmarks"]:
            info = bench.get("extra_info") or {}
            label = info.get("label")
            if label is None:
                continue
            ops = info.get("ops") or 1
            row = {"label": label, "info": info, "group": bench.get("group") or "",
                   "median": bench["stats"]["median"] / ops, "min": bench["stats"]["min"] / ops}
            self.order.append(row)
            self.by_label[label] = row

    def get(self, label: str) -> dict | None:
        return self.by_label.get(label)


def table_lines(rows: Rows, peers: dict) -> tuple[list[list[str]], int]:
    """The table's rows (as text cells) and the number of missed targets."""
    lines, misses = [], 0

    def add(measure, median, floor_label, floor_median, ratio, min_ratio, target, paired=None):
        nonlocal misses
        judged = paired if paired is not None else ratio
        if target is None or judged is None:
            mark = ""
        elif judged <= target:
            mark = "ok"
        else:
            mark = "MISS"
            misses += 1
        lines.append([measure, fmt_time(median), floor_label or "-", fmt_time(floor_median),
                      fmt_ratio(ratio), fmt_ratio(paired), fmt_ratio(min_ratio),
                      "-" if target is None else f"≤ {target:g}×", mark])

    for row in rows.order:
        info = row["info"]
        pairs = []
        if info.get("floor"):
            pairs.append([info["floor"], info.get("target")])
        pairs.extend(info.get("also") or [])
        if not pairs:
            add(row["label"], row["median"], "(floor)", None, None, None, None)
            continue
        for floor_label, target in pairs:
            floor = rows.get(floor_label)
            if floor is None:
                add(row["label"], row["median"], f"{floor_label} (not run)", None, None, None,
                    target)
                continue
            add(row["label"], row["median"], floor_label, floor["median"],
                row["median"] / floor["median"], row["min"] / floor["min"], target,
                (info.get("paired_ratios") or {}).get(floor_label))

    # -- targets that combine rows ---------------------------------------------------------
    floor = rows.get("call floor 10 B")
    cython, twin = rows.get("call_string 10 B (cython)"), rows.get("call_string 10 B (python)")
    if floor and cython and twin:
        def overhead(stat):
            spent = twin[stat] - floor[stat]
            return (cython[stat] - floor[stat]) / spent if spent > 0 else None
        paired_c = (cython["info"].get("paired_ratios") or {}).get("call floor 10 B")
        paired_t = (twin["info"].get("paired_ratios") or {}).get("call floor 10 B")
        paired = (paired_c - 1) / (paired_t - 1) if paired_c and paired_t and paired_t > 1 \
            else None
        add("Cython overhead / twin overhead, call_string 10 B",
            cython["median"] - floor["median"], "twin overhead",
            twin["median"] - floor["median"], overhead("median"), overhead("min"),
            CYTHON_OVERHEAD_TARGET, paired)

    for size in ("10 B", "1 KiB", "64 KiB", "1 MiB"):
        wasmer_row = rows.get(f"call_string {size} (cython)")
        wasmtime_row = rows.get(f"call_string {size} (cython, wasmtime)")
        if not (wasmer_row and wasmtime_row):
            continue
        floor_label = f"call floor {size}"
        p_wasmer = (wasmer_row["info"].get("paired_ratios") or {}).get(floor_label)
        p_wasmtime = (wasmtime_row["info"].get("paired_ratios") or {}).get(floor_label)
        add(f"which engine: call_string {size}, wasmtime / wasmer (< 1: wasmtime faster)",
            wasmtime_row["median"], "call_string (cython, wasmer)", wasmer_row["median"],
            wasmtime_row["median"] / wasmer_row["median"],
            wasmtime_row["min"] / wasmer_row["min"], None,
            p_wasmtime / p_wasmer if p_wasmer and p_wasmtime else None)

    compute = [r for r in rows.order if r["info"].get("compute") and rows.get(r["info"]["floor"])]
    if compute:
        def geomean(stat):
            logs = [math.log(r[stat] / rows.get(r["info"]["floor"])[stat]) for r in compute]
            return math.exp(sum(logs) / len(logs))
        pairs = [(r["info"].get("paired_ratios") or {}).get(r["info"]["floor"])
                 for r in compute]
        paired = math.exp(sum(map(math.log, pairs)) / len(pairs)) if all(pairs) else None
        add(f"Golo compute, geometric mean of {len(compute)} kernels", None, "CPython", None,
            geomean("median"), geomean("min"), COMPUTE_GEOMEAN_TARGET, paired)

    for name, peer in sorted(peers.items()):
        best = peer.get("golo_fast_best")
        if best is None:
            continue
        add(f"fastest golo-fast 10 B ({best['version']}) vs {peer['version']}",
            best["median_ns"] * 1e-9, f"peer {name}", peer["median_ns"] * 1e-9,
            best["median_ns"] / peer["median_ns"], best["min_ns"] / peer["min_ns"], PEER_TARGET,
            best.get("paired"))
        for other in peer.get("golo_fast") or []:
            if other["golo_fast"] == best["version"]:
                continue
            add(f"  also: {other['golo_fast']} vs {peer['version']}", other["ours_median"],
                f"peer {name}", other["theirs_median"],
                other["ours_median"] / other["theirs_median"],
                other["ours_min"] / other["theirs_min"], None, other["paired"])
    return lines, misses


HEADERS = ["measure", "median", "floor", "floor median", "ratio", "paired", "ratio (min)",
           "target", ""]


def render(lines: list[list[str]], markdown: bool) -> str:
    if markdown:
        out = ["| " + " | ".join(HEADERS[:-1] + ["met?"]) + " |",
               "|" + "---|" * len(HEADERS)]
        out += ["| " + " | ".join(cell.replace("|", "\\|") for cell in line) + " |"
                for line in lines]
        return "\n".join(out)
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(HEADERS)]
    fmt = "  ".join(f"{{:{'<' if i in (0, 2) else '>'}{w}}}" for i, w in enumerate(widths))
    out = [fmt.format(*HEADERS), "  ".join("-" * w for w in widths)]
    out += [fmt.format(*line) for line in lines]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print the golo-fast benchmark table.")
    parser.add_argument("run", nargs="?", help="a pytest-benchmark JSON file (default: newest)")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args(argv)
    path = args.run or newest_run()
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    meta = data.get("golo_fast") or {}
    machine = data.get("machine_info") or {}
    rows = Rows(data)
    lines, misses = table_lines(rows, meta.get("peers") or {})
    when = data.get("datetime", "?").replace("T", " ")[:19]
    print(f"golo-fast benchmarks, {when} UTC, {os.path.relpath(path, REPO)}")
    print(f"machine: {meta.get('cpu') or machine.get('cpu', {}).get('brand_raw', '?')}, "
          f"{meta.get('cores', '?')} cores; Python {meta.get('python', '?')}; "
          f"wasmer {meta.get('wasmer', '?')}; Cython extension in use: "
          f"{meta.get('accelerated', '?')}")
    print("command: make bench   (medians per operation; targets judged on the paired ratio "
          "where there is one)")
    print()
    print(render(lines, args.markdown))
    print()
    judged = sum(1 for line in lines if line[-1])
    print(f"{judged - misses} of {judged} targets met, {misses} missed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
