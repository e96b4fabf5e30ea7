"""The build date, fixed by the content so that two builds give the same bytes.

MkDocs writes the build date into sitemap.xml (`lastmod`) and into the gzip
header of sitemap.xml.gz; it honours SOURCE_DATE_EPOCH
(https://reproducible-builds.org/specs/source-date-epoch/) and otherwise takes
the clock. When the caller has not set it, the build sets it to the time of
the last commit that touched what the site is made from (content, templates,
mkdocs.yml): the CI workflow fetches the full history so that date is right.
Outside a git checkout it falls back to the latest publication date of the
reports, a date the content itself gives.
"""
from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, time, timezone
from pathlib import Path

from ..records import Article

ENV = "SOURCE_DATE_EPOCH"


def git_epoch(root: Path, paths: Sequence[Path]) -> int | None:
    """Commit time (seconds since the epoch) of the last commit touching `paths`; None outside git or when never committed."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", *(str(p) for p in paths)],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:  # no git on this machine
        return None
    stamp = result.stdout.strip()
    return int(stamp) if result.returncode == 0 and stamp.isdigit() else None


def content_epoch(articles: Sequence[Article]) -> int:
    """Midnight UTC of the latest report publication date (0 when no report has a date)."""
    days = [a.published for a in articles if a.published]
    if not days:
        return 0
    return int(datetime.combine(max(days), time(), tzinfo=timezone.utc).timestamp())


def build_epoch(root: Path, paths: Sequence[Path], articles: Sequence[Article]) -> int:
    """The date a build shows: the last commit of its sources, else the content's own latest date."""
    epoch = git_epoch(root, paths)
    return content_epoch(articles) if epoch is None else epoch


@contextmanager
def source_date_epoch(epoch: int) -> Iterator[int]:
    """Set SOURCE_DATE_EPOCH for MkDocs while inside, unless the caller already set it; yields the one in force."""
    given = os.environ.get(ENV)
    if given is not None:
        yield int(given)
        return
    os.environ[ENV] = str(epoch)
    try:
        yield epoch
    finally:
        os.environ.pop(ENV, None)
