"""An unchanged build skips MkDocs (waqai.incremental.uptodate); a build where only pages changed renders
just those (waqai.site.mkdocs_plugin); either way the site equals a cold build's."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

import waqai.build
import waqai.render.entities
import waqai.render.publish
from waqai.build import build
from waqai.incremental.uptodate import (
    forget,
    frame_stamp,
    input_stamp,
    remember,
    same_frame,
    same_inputs,
    site_stamp,
    up_to_date,
)
from waqai.settings import Settings

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


def _content(tmp_path: Path) -> Path:
    """A content folder with the project's editorial data and no report yet."""
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    for data in (ROOT / "content").glob("*.yaml"):
        shutil.copy(data, content / data.name)
    return content


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

    def stamp(files: dict[str, bytes], epoch: int) -> str:
        return site_stamp(files, frame_stamp(config, files["mkdocs.yml"]), epoch)

    files = {"docs/a.md": b"a", "mkdocs.yml": b"nav: []"}
    before = stamp(files, 1)
    assert stamp(dict(reversed(files.items())), 1) == before  # order does not matter
    files, epoch = change(files, config, monkeypatch)
    assert stamp(files, epoch) != before


def test_the_frame_follows_the_configuration_and_the_nav_but_not_the_pages(config, monkeypatch):
    monkeypatch.delenv("WAQAI_TEST_URL", raising=False)
    frame = frame_stamp(config, b"nav: [a.md]")
    assert frame_stamp(config, b"nav: [a.md, b.md]") != frame  # a new month in the nav: every page changes
    monkeypatch.setenv("WAQAI_TEST_URL", "http://b/")
    assert frame_stamp(config, b"nav: [a.md]") != frame
    monkeypatch.delenv("WAQAI_TEST_URL")
    assert frame_stamp(config, b"nav: [a.md]") == frame


def test_only_a_site_with_its_stamp_is_up_to_date(tmp_path):
    assert not up_to_date(tmp_path, "s")
    remember(tmp_path, "s", "f", "i")
    assert not up_to_date(tmp_path, "s") and not same_frame(tmp_path, "f") and not same_inputs(tmp_path, "i")  # no site/
    (tmp_path / "site").mkdir()
    assert up_to_date(tmp_path, "s") and not up_to_date(tmp_path, "t")
    assert same_frame(tmp_path, "f") and not same_frame(tmp_path, "s")
    assert same_inputs(tmp_path, "i") and not same_inputs(tmp_path, "f")
    forget(tmp_path)
    assert not up_to_date(tmp_path, "s") and not same_frame(tmp_path, "f") and not same_inputs(tmp_path, "i")


def test_the_input_stamp_follows_every_file_of_the_sources_and_the_settings(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "a.md").write_text("أ", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    before = input_stamp([content, config, None], ["strict=False"])
    (content / "articles" / "__pycache__").mkdir()
    (content / "articles" / "__pycache__" / "x.pyc").write_bytes(b"compiled")
    assert input_stamp([content, config, None], ["strict=False"]) == before
    assert input_stamp([content, config, None], ["strict=True"]) != before
    (content / "articles" / "b.md").write_text("ب", encoding="utf-8")
    assert input_stamp([content, config, None], ["strict=False"]) != before
    (content / "articles" / "b.md").unlink()
    (content / "articles" / "a.md").write_text("ا", encoding="utf-8")
    assert input_stamp([content, config, None], ["strict=False"]) != before


# ------------------------------------------------------------------ real builds


@pytest.mark.parametrize(
    ("processes", "limit"), [(1, None), (2, None), (1, 1)], ids=["one MkDocs process", "pages shared by two", "pages split past one event"]
)
def test_a_rebuild_skips_mkdocs_until_a_report_changes_and_then_equals_a_cold_build(tmp_path, monkeypatch, processes, limit):
    monkeypatch.setattr(waqai.build, "PAGES_PER_PROCESS", 1)  # the fixture's few pages still go to `processes` processes
    if limit:  # places and parties on pages per month, the print page linking the months' pages
        monkeypatch.setattr(waqai.render.entities, "ENTITY_PAGE_LIMIT", limit)
        monkeypatch.setattr(waqai.render.publish, "PRINT_PAGE_LIMIT", limit)
    content = _content(tmp_path)
    _report(content / "articles", "r1", 10, 4)

    def settings(out: str) -> Settings:
        return Settings(content, ROOT / "templates", ROOT / "mkdocs.yml", tmp_path / out, jobs=processes, quiet=True)

    build(settings("incremental"))
    site = tmp_path / "incremental" / "site"
    before = _hashes(site)
    said: list[str] = []
    build(settings("incremental"), said.append)
    assert any("nothing changed" in line for line in said) and not any("reading" in line or "MkDocs" in line for line in said)
    assert _hashes(site) == before

    def rebuild_and_compare(change: str) -> list[str]:
        said.clear()
        build(settings("incremental"), said.append)
        shutil.rmtree(tmp_path / "cold", ignore_errors=True)
        build(settings("cold"))
        assert _hashes(site) == _hashes(tmp_path / "cold" / "site"), change
        # pages reused from the previous build (waqai.incremental.reuse) are the ones a cold build renders
        assert _hashes(tmp_path / "incremental" / "docs") == _hashes(tmp_path / "cold" / "docs"), change
        return [line for line in said if "MkDocs" in line or "pages unchanged" in line]

    _report(content / "articles", "r2", 12, 7)
    said_then = rebuild_and_compare("a report added")
    assert (site / "places" / "hajin" / "2018-11" / "index.html").is_file() == bool(limit)
    assert "only the" in said_then[-1]
    assert "pages unchanged" in said_then[0]  # r1's page, its places' and parties' pages are not rendered again
    _report(content / "articles", "r1", 10, 5)
    assert "only the" in rebuild_and_compare("a report edited")[-1]
    (content / "articles" / "r2.md").unlink()
    assert "only the" in rebuild_and_compare("a report removed")[-1]
    assert not (site / "reports" / "r2").exists()
    (content / "articles" / "r3.md").write_text(REPORT.format(id="r3", day=12, count=3).replace("2018-11", "2018-12"), encoding="utf-8")
    assert "only the" in rebuild_and_compare("a new month")[-1]
    places = content / "places.yaml"  # not one report: the gazetteer, which pages show but are not hashed by
    places.write_text(places.read_text(encoding="utf-8").replace("latin: Hajin", "latin: Hadjin"), encoding="utf-8")
    assert "only the" in rebuild_and_compare("a place's transliteration")[-1]
    assert "Hadjin" in (site / "places" / "hajin" / "index.html").read_text(encoding="utf-8")
    monkeypatch.setenv("WAQAI_SITE_URL", "http://127.0.0.1:9000/")  # mkdocs.yml reads it: every page changes
    assert "only the" not in rebuild_and_compare("another site address")[-1]
    assert _hashes(site) != before


@pytest.mark.parametrize("processes", [1, 2], ids=["one MkDocs process", "pages shared by two"])
def test_a_rebuild_never_writes_into_the_files_of_the_site_it_replaces(tmp_path, monkeypatch, processes):
    """The new site starts as hard links to the previous one's pages and static files; what
    changed (a report's page, the data files) is written as a new file, so a reader of the
    previous site, or a failed build, never sees it half changed."""
    monkeypatch.setattr(waqai.build, "PAGES_PER_PROCESS", 1)  # the fixture's few pages still go to `processes` processes
    content = _content(tmp_path)
    _report(content / "articles", "r1", 10, 4)
    settings = Settings(content, ROOT / "templates", ROOT / "mkdocs.yml", tmp_path / "out", jobs=processes, quiet=True)
    build(settings)
    site, witness = tmp_path / "out" / "site", tmp_path / "witness"
    (witness / "docs").mkdir(parents=True)
    for path in (tmp_path / "out" / "docs").rglob("*"):  # and the Markdown it was built from
        if path.is_file():
            (witness / "docs" / path.relative_to(tmp_path / "out" / "docs")).parent.mkdir(parents=True, exist_ok=True)
            (witness / "docs" / path.relative_to(tmp_path / "out" / "docs")).hardlink_to(path)
    for path in site.rglob("*"):  # the previous site's very files, whatever becomes of its folder
        if path.is_file():
            (witness / path.relative_to(site)).parent.mkdir(parents=True, exist_ok=True)
            (witness / path.relative_to(site)).hardlink_to(path)
    before = _hashes(witness)
    page = (tmp_path / "out" / "docs" / "reports" / "r1.md").stat().st_ino
    _report(content / "articles", "r2", 12, 7)
    build(settings)
    assert _hashes(witness) == before
    assert (tmp_path / "out" / "docs" / "reports" / "r1.md").stat().st_ino == page  # an unchanged page is linked, even after a cold build
    after = _hashes(site)
    assert after["data/events.json"] != before["data/events.json"] and after["reports/r2/index.html"]
    assert after["months/2018-11/index.html"] != before["months/2018-11/index.html"]  # a page written anew, not through
    plotly = Path("assets/vendor/plotly.js-basic-dist-min/plotly-basic.min.js")
    assert (site / plotly).stat().st_ino == (witness / plotly).stat().st_ino  # linked, not copied


def test_a_rebuild_reads_the_kept_views_only_of_the_pages_it_renders_anew(tmp_path, monkeypatch):
    """After one report is added, an event of an untouched month keeps its view pickled
    (waqai.render.site.KeptView): its pages, its blocks and the print page are made of hashes and
    kept HTML, not of the view."""
    from waqai.render.site import KeptView

    content = _content(tmp_path)
    for month in range(5, 11):
        for day in (3, 9, 15, 21):
            text = REPORT.format(id=f"r{month}-{day}", day=day, count=day % 7 + 2).replace("2018-11-", f"2018-{month:02d}-")
            (content / "articles" / f"r{month}-{day}.md").write_text(text, encoding="utf-8")
    settings = Settings(content, ROOT / "templates", ROOT / "mkdocs.yml", tmp_path / "out", jobs=1, quiet=True)
    build(settings)
    unpickled: list[str] = []
    read = KeptView.__getattr__

    def counted(self: KeptView, name: str) -> object:
        if self._view is None:
            unpickled.append(self.month)
        return read(self, name)

    monkeypatch.setattr(KeptView, "__getattr__", counted)
    _report(content / "articles", "new", 25, 3)  # 2018-11
    build(settings)
    assert unpickled and "2018-05" not in unpickled  # the new report's month and the latest events only
