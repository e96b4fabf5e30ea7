"""An unchanged build skips MkDocs (waqai.uptodate); a changed one rebuilds and equals a cold build."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from waqai.build import build
from waqai.settings import Settings
from waqai.uptodate import STAMP, forget, remember, site_stamp, up_to_date

ROOT = Path(__file__).resolve().parent.parent

REPORT = """---
id: "{id}"
title: "تقرير تجريبي"
outlet: "مرصد تجريبي"
published: 2018-11-{day:02d}
---
قصفت قوات النظام اليوم بلدة هجين، ما أدى لمقتل {count} مدنيين.
"""


def _report(folder: Path, ident: str, day: int, count: int) -> None:
    (folder / f"{ident}.md").write_text(REPORT.format(id=ident, day=day, count=count), encoding="utf-8")


def _hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


# ------------------------------------------------------------------- the stamp


@pytest.fixture()
def config(tmp_path: Path) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text('site_name: x\nsite_url: !ENV [WAQAI_TEST_URL, "http://a/"]\n', encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "change",
    [
        lambda files, config, env: ({**files, "docs/a.md": b"changed"}, 1),
        lambda files, config, env: ({**files, "docs/new.md": b""}, 1),
        lambda files, config, env: (files, 2),  # another build date
        lambda files, config, env: (config.write_text("site_name: y\n") and files, 1),
        lambda files, config, env: (env.setenv("WAQAI_TEST_URL", "http://b/") or files, 1),
        lambda files, config, env: (env.setenv("SOURCE_DATE_EPOCH", "5") or files, 1),
    ],
    ids=["page", "new page", "epoch", "config", "config's !ENV variable", "SOURCE_DATE_EPOCH"],
)
def test_the_stamp_changes_with_anything_mkdocs_reads(config, monkeypatch, change):
    monkeypatch.delenv("WAQAI_TEST_URL", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    files = {"docs/a.md": b"a", "mkdocs.yml": b"nav: []"}
    before = site_stamp(files, config, 1)
    assert site_stamp(dict(reversed(files.items())), config, 1) == before  # order does not matter
    files, epoch = change(files, config, monkeypatch)
    assert site_stamp(files, config, epoch) != before


def test_only_a_site_with_its_stamp_is_up_to_date(tmp_path):
    assert not up_to_date(tmp_path, "s")
    remember(tmp_path, "s")
    assert not up_to_date(tmp_path, "s")  # no site/
    (tmp_path / "site").mkdir()
    assert up_to_date(tmp_path, "s") and not up_to_date(tmp_path, "t")
    forget(tmp_path)
    assert not up_to_date(tmp_path, "s")


# ------------------------------------------------------------------ real builds


def test_a_rebuild_skips_mkdocs_until_a_report_changes_and_then_equals_a_cold_build(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    for data in (ROOT / "content").glob("*.yaml"):
        shutil.copy(data, content / data.name)
    _report(content / "articles", "r1", 10, 4)

    def settings(out: str) -> Settings:
        return Settings(content, ROOT / "templates", ROOT / "mkdocs.yml", tmp_path / out, jobs=1, quiet=True)

    build(settings("incremental"))
    site = tmp_path / "incremental" / "site"
    before = _hashes(site)
    said: list[str] = []
    build(settings("incremental"), said.append)
    assert any("nothing changed" in line for line in said) and not any("MkDocs" in line for line in said)
    assert _hashes(site) == before

    _report(content / "articles", "r2", 12, 7)  # one more report
    said.clear()
    build(settings("incremental"), said.append)
    assert any("MkDocs" in line for line in said)
    build(settings("cold"))
    assert _hashes(site) == _hashes(tmp_path / "cold" / "site") != before
