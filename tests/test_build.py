"""A full build of a small project, and the failures that must leave the previous site alone."""
from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import time
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

import pytest
import site_fixture as fx
from click.testing import CliRunner

from waqai.build import build, site_files
from waqai.cli import main
from waqai.settings import Settings
from waqai.site.mkdocs_run import mkdocs_workers, run_mkdocs

ROOT = Path(__file__).resolve().parent.parent

DATED = """---
id: "t-dated"
title: "تقرير تجريبي عن معارك البادية"
outlet: "مرصد تجريبي"
published: 2019-02-10
---
دارت اشتباكات عنيفة في الـ 9 من شباط / فبراير 2019 بين القوات ومسلحين في البادية.
وأفادت المصادر بخروج عشرات العائلات من المنطقة.
"""
UNDATED = """---
id: "t-undated"
title: "تقرير تجريبي بلا تاريخ"
outlet: "مرصد تجريبي"
published: null
---
هاجم مسلحون نقطة عسكرية قرب البلدة.
"""


@pytest.fixture()
def project(tmp_path: Path) -> Settings:
    articles = tmp_path / "content" / "articles"
    articles.mkdir(parents=True)
    (articles / "a.md").write_text(DATED, encoding="utf-8")
    (articles / "b.md").write_text(UNDATED, encoding="utf-8")
    for data in (ROOT / "content").glob("*.yaml"):  # editorial data (places, actors) beside the reports
        shutil.copy(data, tmp_path / "content" / data.name)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return Settings(tmp_path / "content", tmp_path / "templates", tmp_path / "mkdocs.yml", tmp_path / "build", jobs=1, quiet=True)


def _options(settings: Settings) -> list[str]:
    return ["--content", str(settings.content), "--templates", str(settings.templates), "--config", str(settings.config), "--out", str(settings.out), "--quiet"]


def _hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def _previous_site(settings: Settings) -> dict[str, str]:
    """A stand-in for the last good build (cheaper than building one); returns its hashes."""
    site = settings.out / "site"
    (site / "months").mkdir(parents=True)
    (site / "index.html").write_text('<html><body dir="rtl">البناء السابق</body></html>', encoding="utf-8")
    (site / "months" / "index.html").write_text("شهر", encoding="utf-8")
    return _hashes(site)


def test_full_build_has_every_page(project):
    built = build(project)
    site = project.out / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'dir="rtl"' in home
    for month in built.timeline.months():
        assert (site / "months" / month / "index.html").is_file()
        assert f'href="months/{month}/"' in home
    for article_id in ("t-dated", "t-undated"):
        report = (site / "reports" / article_id / "index.html").read_text(encoding="utf-8")
        assert 'id="s0"' in report
    assert "t-undated" in (site / "reports" / "undated" / "index.html").read_text(encoding="utf-8")
    assert (site / "methodology" / "index.html").is_file()
    assert (site / "assets" / "vendor" / "plotly.js-basic-dist-min" / "plotly-basic.min.js").stat().st_size > 1_000_000
    assert (site / "assets" / "vendor" / "plotly.js-basic-dist-min" / "LICENSE").is_file()  # its licence travels with it
    assert not list(project.out.glob(".staging-*")), "the temporary folder is removed"


def _gone(path: Path, seconds: float = 30) -> bool:
    """Whether `path` disappears within `seconds` (a detached process deletes it)."""
    deadline = time.monotonic() + seconds
    while path.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return not path.exists()


def test_the_previous_build_and_what_killed_builds_left_are_deleted_in_the_background(project):
    build(project)
    leftover = project.out / ".trash-staging-1-abc"  # its deleter was killed half way
    (leftover / "site").mkdir(parents=True)
    report = project.content / "articles" / "a.md"
    report.write_text(DATED.replace("عشرات", "مئات"), encoding="utf-8")
    said: list[str] = []
    build(project, said.append)
    assert any("only the" in line for line in said)  # the previous docs and site went to the trash
    assert _gone(leftover)
    assert all(_gone(trash) for trash in project.out.glob(".trash-*"))
    assert sorted(p.name for p in project.out.iterdir()) == [".page-inputs", ".site-stamp", "cache", "docs", "mkdocs.yml", "site"]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("published: 2019-02-10", "published: [2019-02-10"), r"a\.md:\d+: front matter is not valid YAML"),
        (("outlet:", "source:"), r"a\.md:4: unknown key 'source'"),
        (("published: 2019-02-10", "published: 2019-13-01"), r"a\.md:5: published: must be a date"),
    ],
)
def test_broken_report_stops_the_build_and_keeps_the_site(project, change, problem):
    before = _previous_site(project)
    report = project.content / "articles" / "a.md"
    report.write_text(DATED.replace(*change), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", *_options(project)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and re.match(problem, lines[0].removeprefix(str(report.parent) + "/")), result.stderr
    assert "Traceback" not in result.output
    assert _hashes(project.out / "site") == before


def test_mkdocs_failure_keeps_the_site(project):
    before = _previous_site(project)
    about = project.templates / "about.md.j2"
    about.write_text(about.read_text(encoding="utf-8") + "\n[مكسور](no-such-page.md)\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", *_options(project)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{project.config}: MkDocs: ") and "no-such-page.md" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert _hashes(project.out / "site") == before


def test_pages_with_events_pass_strict_mkdocs(tmp_path):
    """The hand-made fixture (events, merged sources, anchors) builds with no MkDocs warning."""
    files = site_files(fx.timeline(), fx.articles(), fx.extractions(), ROOT / "templates", ROOT / "mkdocs.yml")
    files.write(tmp_path)
    run_mkdocs(tmp_path / "mkdocs.yml")
    month = (tmp_path / "site" / "months" / "2019-02" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../reports/fx-001/#s1"' in month
    assert 'class="waqai-sources"' in month


def test_pages_split_past_their_limits_pass_strict_mkdocs_with_every_link_whole(tmp_path):
    """Every event names Baghuz; with limits of two, February goes to week pages and Baghuz's
    events to a page per month: MkDocs takes them all, and every link leads somewhere."""
    timeline = fx.timeline()
    timeline = replace(timeline, events=tuple(replace(event, places=("baghuz",)) for event in timeline.events))
    files = site_files(timeline, fx.articles(), fx.extractions(), ROOT / "templates", ROOT / "mkdocs.yml", month_limit=2, entity_limit=2)
    files.write(tmp_path)
    run_mkdocs(tmp_path / "mkdocs.yml")
    site = tmp_path / "site"
    assert (site / "places" / "baghuz" / "2019-02" / "index.html").is_file() and (site / "months" / "2019-02" / "1" / "index.html").is_file()
    assert _broken_links(site) == []


def test_mkdocs_in_two_processes_builds_the_same_site_as_in_one(tmp_path, monkeypatch):
    files = site_files(fx.timeline(), fx.articles(), fx.extractions(), ROOT / "templates", ROOT / "mkdocs.yml")
    for processes in (1, 2):
        files.write(tmp_path / str(processes))
        with mkdocs_workers(processes) as workers:
            monkeypatch.setenv("SOURCE_DATE_EPOCH", "1000000000")  # the build date, set after the workers were forked
            run_mkdocs(tmp_path / str(processes) / "mkdocs.yml", processes=processes, workers=workers)
            monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert _hashes(tmp_path / "2" / "site") == _hashes(tmp_path / "1" / "site")
    assert "2001-09-09" in (tmp_path / "2" / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert not (tmp_path / "2" / "site-1").exists()


def test_every_command_and_option_has_help():
    import click

    for name, command in main.commands.items():
        assert command.help, f"waqai {name} has no help"
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"waqai {name} {param.opts[0]} has no help"


def test_parallel_extraction_keeps_the_order_of_reports():
    from waqai.build import extract_all

    articles = fx.articles() * 2
    assert extract_all(articles, jobs=2) == extract_all(articles, jobs=1)
    assert [x.article_id for x in extract_all(articles, jobs=2)] == [a.id for a in articles]


def test_a_few_reports_are_extracted_by_the_idle_workers_while_the_build_goes_on(tmp_path):
    """Extracted by the workers forked when the build started (none in this process: the
    extractor is replaced here, not there), in order, kept in the cache as usual."""
    from waqai.build import extract_all, extract_later
    from waqai.extract import article as extract
    from waqai.incremental.cache import ExtractionCache

    articles = fx.articles()
    serial = extract_all(articles, jobs=1)
    with mkdocs_workers(2) as workers, pytest.MonkeyPatch.context() as patch:
        patch.setattr(extract, "extract_text", lambda *args, **kwargs: pytest.fail("extracted in the build's own process"))
        assert extract_later(articles, 1, cache=ExtractionCache(tmp_path), workers=workers)() == serial
    assert ExtractionCache(tmp_path).records == len(articles)


def test_many_reports_are_cut_into_events_by_the_idle_workers_and_make_the_same_timeline(monkeypatch):
    """Past a few reports, each report's events are cut by the workers forked when the build
    started (none in this process: the cutter is replaced here, not there), in order."""
    import waqai.build
    from waqai.extract.gazetteer import load_gazetteer
    from waqai.timeline import assemble
    from waqai.timeline.assemble import build_timeline

    articles = fx.articles()
    extractions = waqai.build.extract_all(articles, jobs=1)
    gazetteer = load_gazetteer(ROOT / "content")
    here = build_timeline(articles, extractions, gazetteer)
    monkeypatch.setattr(waqai.build, "FEW_REPORTS", 1)
    monkeypatch.setattr(waqai.build, "EVENTS_CHUNK", 2)  # three tasks for five reports
    with mkdocs_workers(2) as workers:
        monkeypatch.setattr(assemble, "article_events", lambda *args: pytest.fail("cut in the build's own process"))
        there = build_timeline(articles, extractions, gazetteer, events_of=waqai.build.events_in(workers))
    assert there.all_events() == here.all_events() and there.flags == here.flags


def test_preview_regenerates_and_reports_mistakes_without_stopping(project, tmp_path):
    from waqai.build import silent
    from waqai.preview import regenerate

    folder, said = tmp_path / "preview", []
    regenerate(project, folder, silent, said.append)
    assert said == ["preview updated"] and (folder / "docs" / "reports" / "t-dated.md").is_file()
    before = _hashes(folder)
    (project.content / "articles" / "a.md").write_text(DATED.replace("outlet:", "source:"), encoding="utf-8")
    regenerate(project, folder, silent, said.append)
    assert len(said) == 2 and "unknown key 'source'" in said[1]
    assert _hashes(folder) == before


SLIP = """---
id: "t-slip"
title: "تقرير فيه سنة خاطئة"
outlet: "مرصد تجريبي"
published: 2019-02-10
---
قُتل 12 عنصراً من التنظيم يوم السبت الـ 9 من شباط / فبراير من العام 2018 في قصف على البلدة.
"""
ACK_SLIP = "- {article: t-slip, code: weekday-year-mismatch, note: the report's own slip; 9 Feb 2019 was a Saturday}\n"


def test_strict_fails_on_what_the_editor_has_not_acknowledged(project):
    (project.content / "articles" / "c.md").write_text(SLIP, encoding="utf-8")
    (project.content / "acknowledged.yaml").write_text("", encoding="utf-8")
    assert CliRunner().invoke(main, ["build", *_options(project)]).exit_code == 0  # not strict: a warning is no failure
    before = _hashes(project.out / "site")
    result = CliRunner().invoke(main, ["build", "--strict", *_options(project)])
    assert result.exit_code == 1
    assert "c.md: warning [weekday-year-mismatch]" in result.stderr and "acknowledged.yaml" in result.stderr
    assert _hashes(project.out / "site") == before
    (project.content / "acknowledged.yaml").write_text(ACK_SLIP, encoding="utf-8")
    assert CliRunner().invoke(main, ["build", "--strict", *_options(project)]).exit_code == 0


def test_previous_events_show_what_changed(project, tmp_path):
    (project.content / "articles" / "c.md").write_text(SLIP, encoding="utf-8")
    build(project)
    events = json.loads((project.out / "site" / "data" / "events.json").read_text(encoding="utf-8"))
    listed = events["events"] if isinstance(events, dict) else events
    slipped = next(e for e in listed if any(f.get("figure", f).get("value") == 12 for f in e["figures"]))
    for item in slipped["figures"]:
        item.get("figure", item).update(value=10, text="10 عناصر")  # the last published site said 10
    listed.remove(next(e for e in listed if e is not slipped))  # and had one event fewer
    previous = tmp_path / "previous-events.json"
    previous.write_text(json.dumps(events, ensure_ascii=False), encoding="utf-8")
    assert CliRunner().invoke(main, ["build", "--previous", str(previous), *_options(project)]).exit_code == 0
    page = (project.out / "site" / "changes" / "index.html").read_text(encoding="utf-8")
    assert "أحداث جديدة (1)" in page and "أرقام عُدّلت (1)" in page
    assert re.search(r"<td>«10 عناصر» \(10\)</td>\s*<td>«12 عنصراً» \(12\)</td>", page)


def test_previous_events_that_do_not_exist_stop_the_build(project):
    result = CliRunner().invoke(main, ["build", "--previous", str(project.out / "none.json"), *_options(project)])
    assert result.exit_code == 1 and "none.json: --previous: no such file" in result.stderr


def _broken_links(site: Path) -> list[str]:
    """Every link of every page that leads to no file, or to no element with its #id:
    MkDocs checks the links it converts, not those in waqai's passthrough HTML."""
    ids: dict[Path, set[str]] = {}

    def ids_of(page: Path) -> set[str]:
        if page not in ids:
            ids[page] = {unquote(i) for i in re.findall(r'\sid="([^"]+)"', page.read_text(encoding="utf-8"))}
        return ids[page]

    broken = []
    for page in sorted(site.rglob("*.html")):
        for href in re.findall(r'\shref="([^"]+)"', page.read_text(encoding="utf-8")):
            href = html.unescape(href)
            if re.match(r"[a-z]+:", href):  # http:, mailto:, data: ... leave the site
                continue
            path, _, anchor = href.partition("#")
            base = site if path.startswith("/") else page.parent  # 404.html links from the root: it is served anywhere
            target = (base / unquote(path).lstrip("/")).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {href} (no such file)")
            elif anchor and target.suffix == ".html" and unquote(anchor) not in ids_of(target):
                broken.append(f"{page.relative_to(site)}: {href} (no such id)")
    return broken


def test_every_link_of_the_built_site_leads_to_a_page_and_an_id_that_exist(tmp_path):
    settings = Settings.defaults(ROOT).with_options(out=tmp_path / "out", jobs=1, quiet=True)
    build(settings)
    assert _broken_links(tmp_path / "out" / "site") == []


def test_a_template_edit_reaches_the_pages_a_rebuild_would_otherwise_reuse(project):
    build(project)
    report = project.templates / "report.md.j2"
    report.write_text(report.read_text(encoding="utf-8") + "\nنص أضافه المحرر إلى القالب.\n", encoding="utf-8")
    said: list[str] = []
    build(project, said.append)
    assert not any("pages unchanged" in line for line in said)  # a new renderer: no page is taken from the last build
    for article_id in ("t-dated", "t-undated"):
        page = project.out / "site" / "reports" / article_id / "index.html"
        assert "نص أضافه المحرر إلى القالب." in page.read_text(encoding="utf-8")
