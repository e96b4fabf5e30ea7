"""What an editor's tools leave in content/articles/ is refused in one line, or skipped; never read blindly.

On a copy of the default content, already built: an editor's lock file is
skipped; a broken link, a link loop, a folder or a named pipe called `x.md`,
and a link to a report outside the content folder each make `waqai build` and
`waqai check` print the same one line naming it and exit 1, without hanging,
and the site stays byte for byte as it was; `waqai extract x.md` says it in one
line too.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from project_copy import hashes, refused_by_build_and_check, waqai

NAME = "content/articles/x.md"


def _report_elsewhere(project: Path, folder: Path) -> Path:
    """A copy of one of the project's reports, under another id, at `folder`/y.md."""
    source = sorted((project / "content" / "articles").glob("*.md"))[0]
    text = source.read_text(encoding="utf-8").replace('id: "', 'id: "linked-', 1)
    target = folder / "y.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


# how each entry is made in the project -> words of the line that refuses it
REFUSED: dict[str, tuple[Callable[[Path], None], str]] = {
    "a broken symlink": (lambda p: (p / NAME).symlink_to("gone.md"), "a broken symbolic link (to 'gone.md'"),
    "a folder named x.md": (lambda p: (p / NAME).mkdir(), "a folder, not a file"),
    "a symlink loop": (lambda p: (p / NAME).symlink_to("x.md"), "a symbolic link that leads back to itself (a loop)"),
    "a FIFO named x.md": (lambda p: os.mkfifo(p / NAME), "a named pipe (FIFO), not a file"),
    "a symlink to a report outside the project": (
        lambda p: (p / NAME).symlink_to(_report_elsewhere(p, p.parent / "outside")),
        "a symbolic link to a file outside the content folder",
    ),
}


@pytest.fixture()
def project(project_copy) -> Path:
    """A copy of the project, built: its next build would be "up to date"."""
    return project_copy


@pytest.mark.parametrize("case", REFUSED)
def test_build_and_check_refuse_it_in_the_same_line(project, case):
    make, words = REFUSED[case]
    make(project)
    assert refused_by_build_and_check(project).startswith(f"{NAME}: {words}")


@pytest.mark.parametrize("case", ["a broken symlink", "a folder named x.md", "a symlink loop", "a FIFO named x.md"])
def test_extract_refuses_it_in_one_line_instead_of_waiting_for_it(project, case):
    make, words = REFUSED[case]
    make(project)
    extract = waqai(project, "extract", NAME, bound=30)
    assert extract.status == 1
    assert extract.one_line().startswith(f"Error: {NAME}: {words}")


def test_an_editors_lock_file_is_skipped(project):
    """Emacs marks an open report with a link `.#name.md` to user@host.pid, which leads nowhere."""
    (project / "content" / "articles" / ".#000_report.md").symlink_to("editor@newsroom.4242:1700000000")
    site = hashes(project / "build" / "site")
    build, check = waqai(project, "build"), waqai(project, "check")
    assert (build.status, check.status) == (0, 0), build.stderr + check.stderr
    assert "up to date" in build.stderr and "5 reports" in check.stderr
    assert hashes(project / "build" / "site") == site


def test_a_symlink_to_a_report_inside_the_content_folder_is_read(project):
    (project / NAME).symlink_to(_report_elsewhere(project, project / "content" / "drafts"))
    check = waqai(project, "check")
    assert check.status == 0 and "6 reports" in check.stderr, check.stderr
