"""Whatever lands in content/articles/, `waqai check` and `waqai build` end in time, in one line or none.

Hypothesis puts one entry beside a good report: random bytes, a report with
random front matter and body, or another kind of file (a folder, a named pipe,
a link that leads nowhere, to itself, out of the project or to the good
report), under a report's name or an editor's lock-file name. Each command must
end within a time bound with exit 0, or exit 1 and one line per problem
`file[:line]: problem` (check lists them all, build stops at the first), and
never print a traceback.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from project_copy import ROOT
from waqai.cli import main
from waqai.content.reports import FIELDS

BOUND = 60  # seconds for one command: a hang fails the example instead of the suite
GOOD = """---
id: "good-1"
title: "اشتباكات في ريف دير الزور"
outlet: "مرصد تجريبي"
published: 2019-02-10
---
دارت اشتباكات عنيفة في الـ 9 من شباط / فبراير 2019 قرب البلدة، وقُتل 4 مسلحين.
"""
ONE_PROBLEM = re.compile(r"[^\n]+?(:\d+)?: [^\n]+")


class Hung(BaseException):
    """A command that outlived BOUND (a BaseException: no `except OSError` of the CLI takes it)."""


def _hang(signum, frame) -> None:
    raise Hung(f"a command ran longer than {BOUND} s")


VALUES = st.none() | st.booleans() | st.integers() | st.text(max_size=40) | st.dates() | st.lists(st.text(max_size=5), max_size=3)
FRONT_MATTER = st.dictionaries(st.sampled_from([*FIELDS, "source", "tags"]), VALUES, max_size=6).map(
    lambda fields: yaml.safe_dump(fields, allow_unicode=True, default_flow_style=False)
)
BODY = st.sampled_from(["", "\n", "قتل 3 مدنيين في 31 شباط 2019.\n", "\x00", GOOD.split("---\n")[2]]) | st.text(max_size=200)
REPORT = st.tuples(FRONT_MATTER | st.text(max_size=200), BODY).map(lambda parts: f"---\n{parts[0]}---\n{parts[1]}".encode())
ENCODED = REPORT.map(lambda data: data.decode().encode("utf-16")) | REPORT.map(lambda data: b"\xef\xbb\xbf" + data)


def _kinds(outside: Path, good: Path) -> dict[str, Callable[[Path, bytes], None]]:
    return {
        "file": lambda path, data: path.write_bytes(data),
        "folder": lambda path, data: path.mkdir(),
        "fifo": lambda path, data: os.mkfifo(path),
        "broken link": lambda path, data: path.symlink_to("gone.md"),
        "link loop": lambda path, data: path.symlink_to(path.name),
        "link out of the project": lambda path, data: (outside.write_bytes(data), path.symlink_to(outside)),
        "link to the good report": lambda path, data: path.symlink_to(good.name),
    }


ENTRY = st.tuples(
    st.sampled_from(["x.md", "y.MD", ".#x.md", "x.md~", "ملف.md"]),
    st.sampled_from(["file", "file", "file", "folder", "fifo", "broken link", "link loop", "link out of the project", "link to the good report"]),
    st.binary(max_size=300) | REPORT | ENCODED,
)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A project of one good report with the project's templates and editorial data."""
    root = tmp_path_factory.mktemp("property")
    (root / "content" / "articles").mkdir(parents=True)
    (root / "content" / "articles" / "good.md").write_text(GOOD, encoding="utf-8")
    for data in (ROOT / "content").glob("*.yaml"):
        shutil.copy(data, root / "content" / data.name)
    shutil.copytree(ROOT / "templates", root / "templates")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def _run(project: Path, *args: str):
    """`waqai ARGS...` on the project (in this process, for speed), ended after BOUND seconds."""
    options = ["--content", str(project / "content")]
    if args[0] == "build":
        options += ["--templates", str(project / "templates"), "--config", str(project / "mkdocs.yml"), "--out", str(project / "build"), "--quiet", "--jobs", "1"]
    previous = signal.signal(signal.SIGALRM, _hang)
    signal.alarm(BOUND)
    try:
        return CliRunner().invoke(main, [*args, *options])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(entry=ENTRY)
def test_check_and_build_end_in_one_line_or_none(project, entry):
    name, kind, data = entry
    articles = project / "content" / "articles"
    for old in articles.iterdir():
        if old.name != "good.md":
            shutil.rmtree(old) if old.is_dir() and not old.is_symlink() else old.unlink()
    _kinds(project / "outside.md", articles / "good.md")[kind](articles / name, data)
    for command in ("check", "build"):
        result = _run(project, command)
        assert result.exception is None or isinstance(result.exception, SystemExit), f"{command}: {result.exception!r}"
        assert "Traceback" not in result.output
        assert result.exit_code in (0, 1), (command, result.output)
        problems = [line for line in result.stderr.splitlines() if ": warning: " not in line and not line.startswith("waqai: ")]
        if result.exit_code == 1:
            assert problems and all(ONE_PROBLEM.fullmatch(line) for line in problems), (command, result.stderr)
            assert command == "check" or len(problems) == 1, result.stderr
        else:
            assert problems == [], (command, result.stderr)

