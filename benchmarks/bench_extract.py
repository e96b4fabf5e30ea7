"""Extraction speed: `extract_article` (dates, figures) over the default reports, CPU time.

Compares source trees in one run, so a change is measured against the code before it on
the same machine at the same moment (these machines are noisy: read the ratio):

    .venv/bin/python benchmarks/bench_extract.py                      # this tree only
    .venv/bin/python benchmarks/bench_extract.py --src /tmp/base/src  # this tree and another

Each tree runs in its own process (PYTHONPATH=<tree>), warms up once, then extracts the
reports `--repeat` times; the best of `--rounds` rounds is reported, in reports/s of one core.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, sys, time
from pathlib import Path
from datetime import date
try:
    from waqai.content.reports import load_article
    from waqai.extract.article import extract_article
except ImportError:  # the layout before the stage packages
    from waqai.content import load_article
    from waqai.extract import extract_article
paths = sorted(Path(sys.argv[1]).glob("*.md"))
articles = [load_article(p, date(2026, 1, 1)) for p in paths]
repeat, rounds = int(sys.argv[2]), int(sys.argv[3])
for a in articles:
    extract_article(a)
best = None
for _ in range(rounds):
    start = time.process_time()
    for _ in range(repeat):
        for a in articles:
            extract_article(a)
    spent = time.process_time() - start
    best = spent if best is None else min(best, spent)
print(json.dumps({"reports": len(articles) * repeat, "seconds": best}))
"""


def measure(src: Path, content: Path, repeat: int, rounds: int) -> float:
    """Reports per CPU second for the waqai under `src`."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run([sys.executable, "-c", _CHILD, str(content), str(repeat), str(rounds)], env=env, capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    return result["reports"] / result["seconds"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, action="append", default=[], help="another source tree to compare (its src/ folder)")
    parser.add_argument("--content", type=Path, default=ROOT / "content" / "articles")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    ours = measure(ROOT / "src", args.content, args.repeat, args.rounds)
    print(f"this tree ({ROOT / 'src'}): {ours:.0f} reports/s")
    for other in args.src:
        rate = measure(other, args.content, args.repeat, args.rounds)
        print(f"{other}: {rate:.0f} reports/s; this tree / it = {ours / rate:.3f}")


if __name__ == "__main__":
    main()
