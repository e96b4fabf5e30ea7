"""Whole-process extraction against dateparser: `extract_startup.py [--runs 7] [FILES...]`.

A newsroom script calls `waqai extract` once per batch of reports, so what it
pays is the whole process: start-up, imports, lexicons and the extraction.
This times `waqai extract --json FILES` (all files in one process) against one
`python -c` process that imports dateparser and runs
`dateparser.search.search_dates(body, languages=['ar'])` on the same bodies,
several runs each, alternating, and prints the medians and their ratio.
The ratio is of CPU time (user + system of the child process), which other
work on a shared machine does not inflate; wall-clock medians are printed too.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILES = sorted((ROOT / "content" / "articles").glob("*.md"))
# The body is what follows the front matter, as waqai reads it.
DATEPARSER = """
import sys
import dateparser.search
for path in sys.argv[1:]:
    body = open(path, encoding="utf-8").read().split("\\n---\\n", 1)[1]
    dateparser.search.search_dates(body, languages=["ar"])
"""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def seconds(command: list[str]) -> tuple[float, float]:
    """CPU and wall time of one process run to its end (output discarded); a failure stops the benchmark."""
    cpu, start = _children_cpu(), time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{command[:3]} failed:\n{done.stderr[-2000:]}")
    return _children_cpu() - cpu, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    files = [str(f) for f in args.files]
    python = sys.executable
    commands = {
        "waqai extract": [python, "-m", "waqai.cli", "extract", "--json", *files],
        "dateparser": [python, "-c", DATEPARSER, *files],
    }
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(args.runs):  # alternating, so a busy moment weighs on both
        for name, command in commands.items():
            runs[name].append(seconds(command))
    cpu = {name: statistics.median(c for c, _ in r) for name, r in runs.items()}
    print(f"{len(files)} reports, {args.runs} runs each, whole processes")
    for name, r in runs.items():
        print(f"{name:<14} CPU median {cpu[name]:.3f} s (min {min(c for c, _ in r):.3f}), "
              f"wall median {statistics.median(w for _, w in r):.3f} s")
    print(f"ratio dateparser / waqai extract (CPU): {cpu['dateparser'] / cpu['waqai extract']:.1f}x")


if __name__ == "__main__":
    main()
