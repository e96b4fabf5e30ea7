"""Two builds of the same content give byte-identical sites; the dates they show come from SOURCE_DATE_EPOCH."""
from __future__ import annotations

import gzip
import hashlib
import os
import re
import struct
from datetime import datetime, timezone
from pathlib import Path

import site_fixture as fx

from waqai.incremental.uptodate import STAMP
from waqai.site.reproducible import content_epoch, source_date_epoch


def hashes(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_consecutive_builds_are_byte_identical(built_site: Path, waqai_build) -> None:
    first = hashes(built_site)
    (built_site.parent / STAMP).unlink()  # really build again, not skip the unchanged site
    second = hashes(waqai_build(built_site.parent))  # the same build folder, built again
    assert first.keys() == second.keys()
    differ = sorted(path for path in first if first[path] != second[path])
    assert not differ, f"files that differ between two builds: {differ}"


def test_source_date_epoch_sets_the_sitemap_dates(tmp_path: Path, waqai_build) -> None:
    epoch = int(datetime(2019, 3, 23, tzinfo=timezone.utc).timestamp())
    site = waqai_build(tmp_path, env={"SOURCE_DATE_EPOCH": str(epoch)})
    lastmods = set(re.findall(r"<lastmod>(.*?)</lastmod>", (site / "sitemap.xml").read_text(encoding="utf-8")))
    assert lastmods <= {"2019-03-23"}  # listed only when mkdocs.yml sets site_url
    header = (site / "sitemap.xml.gz").read_bytes()[:10]
    assert struct.unpack("<I", header[4:8])[0] == epoch  # gzip's MTIME field
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == (site / "sitemap.xml").read_bytes()


def test_source_date_epoch_given_by_the_caller_wins(monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1550000000")
    with source_date_epoch(1) as epoch:
        assert epoch == 1550000000
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    with source_date_epoch(1) as epoch:
        assert epoch == 1
    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_content_epoch_is_midnight_of_the_latest_report() -> None:
    assert content_epoch(fx.articles()) == int(datetime(2019, 2, 10, tzinfo=timezone.utc).timestamp())
    assert content_epoch(()) == 0
