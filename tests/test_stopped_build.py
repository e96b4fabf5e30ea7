"""A build stopped from outside (kill -9, SIGTERM, a full disk) leaves no process behind and the site whole.

On a copy of the default content with more reports, so that the build
extracts them in worker processes: `kill -9` of the build while they work
ends them too (they are found through the build's own process group, never by
name); SIGTERM stops the build in one line, within seconds, the old site kept.
A disk that fills during a build (a small tmpfs where one can be mounted, else
a write that fails as on a full disk) gives one line naming where, and the old
site intact.
"""
from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from project_copy import copy_project, group, group_ends, hashes, start
from waqai.cli import main

COPIES = 8  # the five reports eight times over: enough for two extraction workers


def _more_reports(project: Path) -> None:
    """Each report of the project again, under new ids: 40 reports to extract."""
    articles = project / "content" / "articles"
    for path in sorted(articles.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        for n in range(1, COPIES):
            (articles / f"{path.stem}-{n}.md").write_text(text.replace('id: "', f'id: "c{n}-', 1), encoding="utf-8")


def _extracting(project: Path) -> subprocess.Popen:
    """A build of 40 new reports, returned once its extraction workers run."""
    _more_reports(project)
    build = start(project, "build", "--quiet", "--jobs", "2")
    deadline = time.monotonic() + 60
    while len(group(build.pid)) < 3:  # the build and its two workers
        assert build.poll() is None, f"the build ended before its workers were seen: {build.stderr.read()}"
        assert time.monotonic() < deadline, "no extraction workers within a minute"
        time.sleep(0.02)
    return build


def test_kill_9_of_a_build_ends_its_workers(project_copy):
    site = hashes(project_copy / "build" / "site")
    build = _extracting(project_copy)
    os.kill(build.pid, signal.SIGKILL)  # the build alone, as the OOM killer or a closed terminal does
    build.wait()
    assert group_ends(build.pid) == [], "worker processes outlived the build"
    assert hashes(project_copy / "build" / "site") == site


def test_sigterm_stops_a_build_cleanly(project_copy):
    site = hashes(project_copy / "build" / "site")
    build = _extracting(project_copy)
    os.kill(build.pid, signal.SIGTERM)
    _, stderr = build.communicate(timeout=30)
    assert build.returncode == 1
    assert "Traceback" not in stderr and stderr.splitlines() == ["waqai: build stopped (SIGTERM): build/site holds the last complete build"]
    assert group_ends(build.pid) == []
    assert hashes(project_copy / "build" / "site") == site
    assert not list((project_copy / "build").glob(".staging-*"))


def test_workers_of_mkdocs_end_with_the_build(tmp_path):
    """The MkDocs workers (forked at the start of a build of thousands of pages) too."""
    script = "import time\nfrom waqai.site.mkdocs_run import mkdocs_workers\nwith mkdocs_workers(2):\n    print('ready', flush=True)\n    time.sleep(600)\n"
    process = subprocess.Popen([sys.executable, "-c", script], start_new_session=True, stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline() == "ready\n"
    assert len(group(process.pid)) == 3
    process.kill()
    process.wait()
    assert group_ends(process.pid) == []


# ------------------------------------------------------------- a full disk

FILL = """set -e
mount -t tmpfs -o size=48m tmpfs build
{waqai} build --quiet
cp -a build/site ../before
free=$(df --output=avail -k build | tail -1)
head -c $(( (free - 256) * 1024 )) /dev/zero > build/filler || true
printf '\\nوتجددت الاشتباكات قرب البلدة.\\n' >> {report}
set +e
{waqai} build --quiet 2> ../stderr
echo $? > ../status
cp -a build/site ../after
ls -a build > ../listing
"""


def test_a_full_disk_tmpfs(tmp_path):
    """A build folder on a small tmpfs, filled: mounted in a mount namespace of its own, so it goes with the test."""
    project = copy_project(tmp_path / "project")
    (project / "build").mkdir()
    report = sorted((project / "content" / "articles").glob("*.md"))[0].relative_to(project)
    script = FILL.format(waqai=" ".join([sys.executable, "-m", "waqai.cli"]), report=report)
    try:
        run = subprocess.run(["unshare", "--mount", "sh", "-c", script], cwd=project, capture_output=True, text=True, timeout=300)
    except FileNotFoundError:
        pytest.skip("no unshare here: the failing-write test stands in")
    if not (tmp_path / "before").is_dir():
        pytest.skip(f"cannot mount a tmpfs here ({run.stderr.strip()}): the failing-write test stands in")
    stderr = (tmp_path / "stderr").read_text()
    assert (tmp_path / "status").read_text().strip() == "1"
    assert "Traceback" not in stderr and len(stderr.splitlines()) == 1, stderr
    assert "no space left on the device" in stderr and "build/site holds the last complete build" in stderr
    assert hashes(tmp_path / "after") == hashes(tmp_path / "before")
    assert not [name for name in (tmp_path / "listing").read_text().split() if name.startswith(".staging-")]


def test_a_full_disk_failing_write(project_copy, monkeypatch):
    """Where no tmpfs can be mounted: every page written fails as on a full disk."""

    def full(path: str, content: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)

    monkeypatch.chdir(project_copy)
    monkeypatch.setattr("waqai.build._write_bytes", full)
    report = sorted(Path("content/articles").glob("*.md"))[0]
    report.write_text(report.read_text(encoding="utf-8") + "\nوتجددت الاشتباكات قرب البلدة.\n", encoding="utf-8")
    site = hashes(project_copy / "build" / "site")
    result = CliRunner().invoke(main, ["build", "--quiet"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith("build/.staging-") and ": no space left on the device: free some space and build again" in line
    assert hashes(project_copy / "build" / "site") == site
    assert not list((project_copy / "build").glob(".staging-*"))

