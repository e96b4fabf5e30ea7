"""The memory a command and all its descendants use together: `pss_peak.py CMD ARGS...`.

Forked processes share pages, so their resident sizes cannot be added; their
proportional set sizes (Pss: each shared page divided among its sharers) can.
Samples every half second (Linux /proc) and prints the peak of the sum.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time


def process_tree(pid: int) -> list[int]:
    """`pid` and all its descendants that are still running."""
    found = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as f:
                for child in f.read().split():
                    found += process_tree(int(child))
    except OSError:  # it ended meanwhile
        pass
    return found


def pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            return next((int(line.split()[1]) for line in f if line.startswith("Pss:")), 0)
    except OSError:
        return 0


def main() -> None:
    command = subprocess.Popen(sys.argv[1:])
    peak = 0
    while command.poll() is None:
        peak = max(peak, sum(pss_kb(pid) for pid in process_tree(command.pid)))
        time.sleep(0.5)
    print(f"peak total PSS: {peak / 1024:.0f} MB (exit {command.returncode})")


if __name__ == "__main__":
    main()
