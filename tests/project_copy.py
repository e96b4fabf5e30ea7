"""A copy of the project (the default content, templates, mkdocs.yml) and the CLI run on it as an editor runs it.

Each command runs in a process group of its own, so a test can find every
process the command started (and nothing else) through that group, and end
them all if the command outlives its time bound.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WAQAI = [sys.executable, "-m", "waqai.cli"]
BOUND = 120.0  # seconds: a command that runs longer hangs


def copy_project(folder: Path) -> Path:
    """`folder` holding a copy of the project's content/, templates/ and mkdocs.yml."""
    for name in ("content", "templates"):
        shutil.copytree(ROOT / name, folder / name, symlinks=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    return folder


@dataclass(frozen=True)
class Run:
    """What one command did: its exit status and what it printed."""

    status: int
    stdout: str
    stderr: str

    def one_line(self) -> str:
        """The single line a refused command prints (asserted: one line, no traceback)."""
        assert "Traceback" not in self.stderr + self.stdout, self.stderr
        lines = self.stderr.splitlines()
        assert len(lines) == 1, self.stderr
        return lines[0]


def start(project: Path, *args: str) -> subprocess.Popen:
    """`waqai ARGS...` started in `project`, in a new process group (whose id is its pid)."""
    return subprocess.Popen([*WAQAI, *args], cwd=project, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def waqai(project: Path, *args: str, bound: float = BOUND) -> Run:
    """`waqai ARGS...` in `project`, to its end; a command still running after `bound`
    seconds is ended (with every process of its group) and fails the test."""
    process = start(project, *args)
    try:
        stdout, stderr = process.communicate(timeout=bound)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise AssertionError(f"waqai {' '.join(args)} still ran after {bound} s: it hangs") from None
    return Run(process.returncode, stdout, stderr)


def group(pgid: int) -> list[int]:
    """The processes alive in process group `pgid` (Linux: read from /proc; zombies are not alive)."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        if fields[0] != "Z" and int(fields[2]) == pgid:
            alive.append(int(entry.name))
    return alive


def group_ends(pgid: int, within: float = 15.0) -> list[int]:
    """Wait up to `within` seconds for group `pgid` to be empty; the processes still
    alive then, which are ended so that a failed test leaves none behind."""
    deadline = time.monotonic() + within
    while (alive := group(pgid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    for pid in alive:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return alive


def hashes(folder: Path) -> dict[str, str]:
    """Every file under `folder` and the hash of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def refused_by_build_and_check(project: Path) -> str:
    """Run `waqai build` and `waqai check` on `project`: both exit 1 with the same one line
    and the site in place is left as it was. Returns that line."""
    site = hashes(project / "build" / "site")
    build, check = waqai(project, "build", "--quiet"), waqai(project, "check")
    assert build.status == check.status == 1
    assert build.one_line() == check.one_line()
    assert hashes(project / "build" / "site") == site
    return build.one_line()
