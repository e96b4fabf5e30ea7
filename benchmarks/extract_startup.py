"""Whole-process extraction against dateparser: `extract_startup.py [--runs 7] [FILES...]`.

A newsroom script calls `waqai extract` once per batch of reports, so what it
pays is the whole process: start-up, imports, lexicons and the extraction.
This times `waqai extract --json FILES` (all files in one process) against one
`python -c` process that imports dateparser and runs
`dateparser.search.search_dates(body, languages=['ar'])` on the same bodies,
several runs each, alternating, and prints the medians and their ratio.
The ratio is of CPU time (user + system of the child process), which other
work on a shared machine does not inflate; wall-clock medians are printed too.

Both run as installed programs do: Python keeps their bytecode, and waqai its parsed
language data and compiled lexicons (waqai.content.startup_cache), both in a fresh
folder (PYTHONPYCACHEPREFIX) that the first run of each fills; that first run is
printed apart. `--write-nothing` runs both with PYTHONDONTWRITEBYTECODE and no such
folder: the bytecode already on disk is read (an installed package's), none is written,
so waqai run from a source tree compiles its modules and its lexicons in every run.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
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


def seconds(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """CPU and wall time of one process run to its end (output discarded); a failure stops the benchmark."""
    cpu, start = _children_cpu(), time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{command[:3]} failed:\n{done.stderr[-2000:]}")
    return _children_cpu() - cpu, wall


def _environment(folder: str, write: bool) -> dict[str, str]:
    """This environment, with bytecode (and waqai's start-up caches) kept in `folder`, or nothing written."""
    env = {name: value for name, value in os.environ.items() if name not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    if write:
        env["PYTHONPYCACHEPREFIX"] = folder
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--write-nothing", action="store_true", help="no bytecode written, no start-up cache kept")
    parser.add_argument("--baseline", type=Path, help="another waqai's src/ folder (an earlier commit) timed in the same rounds")
    args = parser.parse_args()
    files = [str(f) for f in args.files]
    python = sys.executable
    extract = [python, "-m", "waqai.cli", "extract", "--json", *files]
    commands = {"waqai extract": extract, "dateparser": [python, "-c", DATEPARSER, *files]}
    if args.baseline:
        commands["baseline"] = extract
    with tempfile.TemporaryDirectory(prefix="extract-startup-") as folder:
        env = _environment(folder, write=not args.write_nothing)
        envs = {name: env for name in commands}
        if args.baseline:  # its bytecode and caches apart: its own sources' paths
            envs["baseline"] = {**env, "PYTHONPATH": str(args.baseline.resolve())}
        first = {name: seconds(command, envs[name]) for name, command in commands.items()}
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):  # alternating, so a busy moment weighs on all
            for name, command in commands.items():
                runs[name].append(seconds(command, envs[name]))
    cpu = {name: statistics.median(c for c, _ in r) for name, r in runs.items()}
    kept = "nothing written" if args.write_nothing else "bytecode and start-up caches kept"
    print(f"{len(files)} reports, {args.runs} runs each after a first one, whole processes, {kept}")
    for name, r in runs.items():
        print(f"{name:<14} CPU median {cpu[name]:.3f} s (min {min(c for c, _ in r):.3f}), "
              f"wall median {statistics.median(w for _, w in r):.3f} s; first run CPU {first[name][0]:.3f} s")
    print(f"ratio dateparser / waqai extract (CPU): {cpu['dateparser'] / cpu['waqai extract']:.1f}x")
    if args.baseline:
        print(f"ratio dateparser / baseline (CPU): {cpu['dateparser'] / cpu['baseline']:.1f}x ({args.baseline})")


if __name__ == "__main__":
    main()
