"""A build killed at any moment leaves build/site/ as it was, or wholly the new one.

`waqai build` runs in a subprocess and gets SIGKILL (no cleanup, like a power
cut of the process or a CI job cancelled) at random moments, several times;
after each, build/site/ must be the previous site or the complete new site,
byte for byte, never a mixture or nothing. The kill times are drawn over the
later part of a build, where the staging folder is written and swapped in.
"""
from __future__ import annotations

import hashlib
import os
import pathlib
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import waqai.site.swap
from waqai.build import PLACED, place, remove_abandoned_staging
from waqai.site.swap import exchange

ROOT = Path(__file__).resolve().parent.parent
KILLS = 4
FIRST = """---
id: "k-1"
title: "تقرير تجريبي أول"
outlet: "مرصد تجريبي"
published: 2019-02-10
---
دارت اشتباكات عنيفة في الـ 9 من شباط / فبراير 2019 قرب البلدة، وقُتل 4 مسلحين.
"""
SECOND = FIRST.replace("k-1", "k-2").replace("أول", "ثان").replace("الـ 9", "الـ 8")


def _hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


BUILD = [sys.executable, "-m", "waqai.cli", "build", "--quiet", "--jobs", "1"]


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "content" / "articles").mkdir(parents=True)
    (tmp_path / "content" / "articles" / "a.md").write_text(FIRST, encoding="utf-8")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def test_killed_builds_leave_the_old_site_or_the_whole_new_one(project):
    started = time.monotonic()
    subprocess.run(BUILD, cwd=project, check=True, capture_output=True)
    duration = time.monotonic() - started
    site = project / "build" / "site"
    old = _hashes(site)
    (project / "content" / "articles" / "b.md").write_text(SECOND, encoding="utf-8")

    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    seen = []
    for _ in range(KILLS):
        build = subprocess.Popen(BUILD, cwd=project, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.1) * duration)
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)  # its own process group: only this build
        build.wait()
        seen.append(_hashes(site))

    subprocess.run(BUILD, cwd=project, check=True, capture_output=True)
    new = _hashes(site)
    assert new != old
    assert not list((project / "build").glob(".staging-*")), "the next build removes what the killed ones left"
    for n, state in enumerate(seen, start=1):
        assert state in (old, new), f"kill {n} (random seed {seed}) left a site that is neither the old nor the new one"


def _two_builds(tmp_path: Path, name: str) -> tuple[Path, Path]:
    """A build folder holding the "old" build and a staging folder holding the "new" one."""
    out, staging = tmp_path / f"out-{name}", tmp_path / f"staging-{name}"
    for folder, label in ((out, "old"), (staging, "new")):
        (folder / "site").mkdir(parents=True)
        (folder / "docs").mkdir()
        (folder / "site" / "index.html").write_text(label, encoding="utf-8")
        (folder / "docs" / "index.md").write_text(label, encoding="utf-8")
        (folder / "mkdocs.yml").write_text(label, encoding="utf-8")
    return out, staging


def _place_killed_after(step: int, staging: Path, out: Path) -> None:
    """`place` in a forked child that SIGKILLs itself right after its `step`-th file system call."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            calls = 0

            def counted(function):
                def call(*args):
                    nonlocal calls
                    result = function(*args)
                    calls += 1
                    if calls == step:
                        os.kill(os.getpid(), signal.SIGKILL)
                    return result

                return call

            pathlib.Path.rename = counted(pathlib.Path.rename)
            os.replace = counted(os.replace)
            waqai.site.swap.exchange = counted(waqai.site.swap.exchange)
            place(staging, out)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)


@pytest.mark.parametrize("step", range(1, 6))
def test_a_kill_between_any_two_steps_of_place_leaves_old_or_new(tmp_path, step):
    if not exchange(*_two_builds(tmp_path, "probe")[::-1]):
        pytest.skip("no renameat2(RENAME_EXCHANGE) here: the fallback's two renames leave a window")
    out, staging = _two_builds(tmp_path, "killed")
    _place_killed_after(step, staging, out)
    for name in PLACED:
        target = out / name / "index.html" if name == "site" else out / name / "index.md" if name == "docs" else out / name
        assert target.read_text(encoding="utf-8") in ("old", "new"), f"{name} after step {step}"


def test_place_swaps_each_folder_in_one_step(tmp_path, monkeypatch):
    """The previous site ends up in the staging folder (deleted with it); the fallback gives the same result."""
    for fallback in (False, True):
        out, staging = _two_builds(tmp_path, str(fallback))
        if fallback:
            monkeypatch.setattr("waqai.site.swap.exchange", lambda a, b: False)
        place(staging, out)
        assert (out / "site" / "index.html").read_text(encoding="utf-8") == "new"
        assert (out / "mkdocs.yml").read_text(encoding="utf-8") == "new"
        assert (staging / "previous-site" / "index.html").read_text(encoding="utf-8") == "old"
        assert not (staging / "site").exists()


def test_exchange_swaps_two_folders(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "x").touch()
    if not exchange(a, b):
        pytest.skip("this system has no renameat2(RENAME_EXCHANGE); the two-rename fallback is used")
    assert [p.name for p in b.iterdir()] == ["x"] and not list(a.iterdir())


def test_staging_folders_of_killed_builds_are_removed_and_a_running_ones_kept(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()  # a process id that no longer runs
    abandoned = tmp_path / f".staging-{dead.pid}-abc"
    running = tmp_path / f".staging-{os.getpid()}-def"
    for folder in (abandoned, running):
        (folder / "site").mkdir(parents=True)
    remove_abandoned_staging(tmp_path)
    assert not abandoned.exists() and running.exists()
