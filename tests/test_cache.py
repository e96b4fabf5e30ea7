"""The extraction cache (waqai.incremental.cache) and cached, parallel extraction (build.extract_all)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from waqai import build
from waqai.build import extract_all
from waqai.extract.article import extract_article
from waqai.incremental.cache import ExtractionCache
from waqai.incremental.version import version_of
from waqai.records import Article

ROOT = Path(__file__).resolve().parent.parent

# Our own sentences, one report each: (published, body).
REPORTS = [
    (date(2018, 10, 3), "قصفت قوات النظام اليوم الأربعاء بلدة هجين، ما أدى لمقتل 4 مدنيين."),
    (date(2018, 10, 4), "اعتقلت قوات سوريا الديمقراطية أمس 12 شخصاً في بلدة الشعفة."),
    (date(2018, 11, 20), "خرج نحو 300 شخص من جيب التنظيم خلال الـ 24 ساعة الفائتة."),
    (date(2019, 1, 7), "دارت اشتباكات عنيفة يوم السبت الـ 5 من كانون الثاني الجاري قرب الباغوز."),
    (date(2019, 2, 14), "تقلصت سيطرة التنظيم إلى أقل من 2 كلم مربع عند الضفاف الشرقية لنهر الفرات."),
    (None, "قتل ثلاثة عناصر من التنظيم في غارة على أطراف السوسة."),
]


def article(number: int) -> Article:
    published, body = REPORTS[number % len(REPORTS)]
    return Article(id=f"r{number}", path=Path(f"content/articles/r{number}.md"), body=body, body_line=8, published=published)


@pytest.fixture()
def counted(monkeypatch) -> list[str]:
    """Ids of the reports really extracted (not read from the cache), in this process."""
    seen: list[str] = []

    def extract(a: Article):
        seen.append(a.id)
        return extract_article(a)

    monkeypatch.setattr(build, "extract_article", extract)
    return seen


def test_an_unchanged_report_is_read_back_not_extracted_again(tmp_path, counted):
    articles = [article(n) for n in range(3)]
    first = extract_all(articles, jobs=1, cache=ExtractionCache(tmp_path))
    again = extract_all(articles, jobs=1, cache=ExtractionCache(tmp_path))
    assert counted == ["r0", "r1", "r2"]  # the second run extracted nothing
    assert again == first == tuple(extract_article(a) for a in articles)


@pytest.mark.parametrize(
    "change",
    [
        lambda a: replace(a, body=a.body.replace("4 مدنيين", "5 مدنيين")),
        lambda a: replace(a, published=date(2018, 10, 5)),
        lambda a: replace(a, id="renamed"),
    ],
    ids=["text", "publication date", "id"],
)
def test_a_changed_report_is_extracted_again(tmp_path, counted, change):
    articles = [article(0), article(1)]
    extract_all(articles, jobs=1, cache=ExtractionCache(tmp_path))
    edited = [change(articles[0]), articles[1]]
    result = extract_all(edited, jobs=1, cache=ExtractionCache(tmp_path))
    assert counted == ["r0", "r1", edited[0].id]
    assert result[0] == extract_article(edited[0])


def test_a_new_extractor_version_drops_the_old_entries(tmp_path):
    old = ExtractionCache(tmp_path, version="one")
    old.put(article(0), extract_article(article(0)))
    assert old.get(article(0)) is not None
    (tmp_path / "extract-zero" / "ab").mkdir(parents=True)  # the former layout, a file per report
    new = ExtractionCache(tmp_path, version="two")
    assert new.get(article(0)) is None
    assert [p.name for p in tmp_path.iterdir()] == []


def test_an_unreadable_entry_is_a_miss(tmp_path):
    cache = ExtractionCache(tmp_path, version="v")
    cache.put(article(0), extract_article(article(0)))
    cache.path.write_bytes(cache.path.read_bytes()[:10])
    assert ExtractionCache(tmp_path, version="v").get(article(0)) is None


def test_half_a_record_left_by_a_killed_build_loses_only_that_record(tmp_path):
    cache = ExtractionCache(tmp_path, version="v")
    for n in range(2):
        cache.put(article(n), extract_article(article(n)))
    whole = cache.path.stat().st_size
    with cache.path.open("ab") as f:
        f.write(b"\x80\x05half a record")
    again = ExtractionCache(tmp_path, version="v")
    assert again.path.stat().st_size == whole  # cut, so that what is appended next can be read
    again.put(article(2), extract_article(article(2)))
    third = ExtractionCache(tmp_path, version="v")
    assert [third.get(article(n)) for n in range(3)] == [extract_article(article(n)) for n in range(3)]


def test_the_records_of_reports_gone_are_dropped_once_they_are_a_quarter(tmp_path):
    articles = [article(n) for n in range(4)]
    extract_all(articles, jobs=1, cache=ExtractionCache(tmp_path, version="v"))
    size = ExtractionCache(tmp_path, version="v").path.stat().st_size
    extract_all(articles[:3], jobs=1, cache=ExtractionCache(tmp_path, version="v"))  # one of four: kept
    assert ExtractionCache(tmp_path, version="v").path.stat().st_size == size
    extract_all(articles[:2], jobs=1, cache=ExtractionCache(tmp_path, version="v"))
    cache = ExtractionCache(tmp_path, version="v")
    assert cache.records == 2 and cache.path.stat().st_size < size
    assert [cache.get(a) for a in articles] == [extract_article(a) for a in articles[:2]] + [None, None]


def _fake_package(root: Path) -> Path:
    (root / "data").mkdir(parents=True)
    (root / "parts").mkdir()
    (root / "extract.py").write_text("from .parts import rules\n")
    (root / "parts" / "rules.py").write_text("X = 1\n")
    (root / "data" / "months.yaml").write_text("a: 1\n")
    (root / "NOTES.txt").write_text("not code\n")
    return root


@pytest.mark.parametrize(
    "edit, invalidates",
    [
        ("parts/rules.py", True),
        ("extract.py", True),
        ("data/months.yaml", True),
        ("NOTES.txt", False),
    ],
)
def test_the_version_follows_every_code_and_data_file(tmp_path, edit, invalidates):
    package = _fake_package(tmp_path / "pkg")
    before = version_of(package)
    with (package / edit).open("a") as f:
        f.write("# edited\n")
    assert (before != version_of(package)) is invalidates


def test_a_new_module_changes_the_version(tmp_path):
    package = _fake_package(tmp_path / "pkg")
    before = version_of(package)
    (package / "parts" / "more.py").write_text("Y = 2\n")
    assert version_of(package) != before


def test_parallel_and_serial_extraction_give_the_same_results(tmp_path):
    articles = [article(n) for n in range(4 * build.PER_WORKER)]  # enough for two worker processes
    serial = extract_all(articles, jobs=1)
    parallel = extract_all(articles, jobs=2)
    cached = extract_all(articles, jobs=2, cache=ExtractionCache(tmp_path))
    assert parallel == serial == cached
    assert [x.article_id for x in parallel] == [a.id for a in articles]
    assert extract_all(articles, jobs=2, cache=ExtractionCache(tmp_path)) == serial  # read back


# ------------------------------------------------------------- the events cache


def test_a_report_s_events_are_read_back_until_it_or_the_gazetteer_changes(tmp_path, monkeypatch):
    from waqai.extract.gazetteer import load_gazetteer
    from waqai.incremental.cache import timeline_caches
    from waqai.timeline import assemble as stage

    cut: list[str] = []

    def events_of(a, ex, gazetteer):
        cut.append(a.id)
        return article_events(a, ex, gazetteer)

    article_events = stage.article_events
    monkeypatch.setattr(stage, "article_events", events_of)
    content = tmp_path / "content"
    content.mkdir()
    (content / "places.yaml").write_text((ROOT / "content" / "places.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    articles = [article(n) for n in range(6)]

    def timeline(items):
        caches = timeline_caches(tmp_path / "cache", [content / "places.yaml", content / "actors.yaml"])
        return stage.build_timeline(items, [extract_article(a) for a in items], load_gazetteer(content), caches)

    first = timeline(articles)
    assert cut == [a.id for a in articles] and first.events
    cut.clear()
    assert timeline(articles).events == first.events and cut == []  # all read back
    [events_file] = (tmp_path / "cache").glob("events-*")
    before = events_file.read_bytes()
    edited = [replace(articles[0], outlet="منفذ آخر"), *articles[1:]]  # an outlet is part of an event's sources
    assert timeline(edited).events != first.events and cut == ["r0"]
    after = events_file.read_bytes()  # the edited report's events were appended, the rest not written again
    assert after.startswith(before) and len(after) < 1.5 * len(before)
    cut.clear()
    (content / "actors.yaml").write_text("isis:\n  ar: التنظيم\n  en: IS\n", encoding="utf-8")  # another gazetteer: every report again
    timeline(edited)
    assert cut == [a.id for a in edited]


# ------------------------------------------------------------- the readings cache


def test_the_charts_read_a_report_s_text_once_until_it_changes(tmp_path, monkeypatch):
    from waqai.extract.gazetteer import load_gazetteer
    from waqai.incremental.cache import timeline_caches
    from waqai.timeline import series
    from waqai.timeline.assemble import build_timeline

    read: list[str] = []
    region_matches = series.region_matches

    def counted_regions(gazetteer, body):
        read.append(body)
        return region_matches(gazetteer, body)

    monkeypatch.setattr(series, "region_matches", counted_regions)
    articles = [article(n) for n in range(6)]  # r4 holds the territory figure, whose region is looked up
    gazetteer = load_gazetteer(ROOT / "content")

    def tables(items):
        caches = timeline_caches(tmp_path / "cache", [ROOT / "content" / "places.yaml"])
        return build_timeline(items, [extract_article(a) for a in items], gazetteer, caches).series

    rows_made: list[str] = []
    figure_date = series.figure_date
    monkeypatch.setattr(series, "figure_date", lambda event, *rest: rows_made.append(event.id) or figure_date(event, *rest))
    first = tables(articles)
    assert len(read) == 1 and len(first.territory) == 1 and rows_made
    read.clear()
    rows_made.clear()
    again = tables(articles)
    assert read == [] and again.figures.equals(first.figures) and again.tolls.equals(first.tolls)
    assert rows_made == []  # each event's rows of figures read back by its origin
    read.clear()
    joined = tables([*articles, article(10)])  # r10 tells r4's figure again, that day: their event changes
    assert len(joined.territory) == 1 and len(read) == 1  # r10's text only: r4's readings were kept, though unread since
    read.clear()
    edited = [*articles[:4], replace(articles[4], body=articles[4].body.replace("2 كلم", "3 كلم")), articles[5]]
    assert tables(edited).territory["value"].tolist() == [3] and len(read) == 1


def test_a_report_file_is_parsed_once_until_it_or_the_build_date_changes(tmp_path, monkeypatch):
    """Three files read into the cache: read again, none is parsed (and the reports are the
    same); one edited file is parsed again; another build date re-checks them all, so a
    report published after it is still refused."""
    from waqai.content.reports import load_content
    from waqai.content import reports as content
    from waqai.errors import ContentError
    from waqai.incremental.cache import article_cache

    folder = tmp_path / "content" / "articles"
    folder.mkdir(parents=True)
    for number, (published, body) in enumerate(REPORTS[:3]):
        (folder / f"r{number}.md").write_text(f"---\nid: r{number}\ntitle: تقرير {number}\npublished: {published}\n---\n{body}\n", encoding="utf-8")
    parsed: list[str] = []
    parse = content.parse_article
    monkeypatch.setattr(content, "parse_article", lambda path, raw, today=None: parsed.append(path.name) or parse(path, raw, today))

    def read(today: date) -> list[Article]:
        known = article_cache(tmp_path / "cache")
        articles = load_content(tmp_path / "content", today, known)
        known.save()
        return articles

    first = read(date(2019, 1, 1))
    assert sorted(parsed) == ["r0.md", "r1.md", "r2.md"]
    parsed.clear()
    assert read(date(2019, 1, 1)) == first and parsed == []
    (folder / "r1.md").write_text((folder / "r1.md").read_text(encoding="utf-8").replace("12 شخصاً", "13 شخصاً"), encoding="utf-8")
    again = read(date(2019, 1, 1))
    assert parsed == ["r1.md"] and "13 شخصاً" in again[1].body and again[0] == first[0]
    with pytest.raises(ContentError, match="published"):
        read(date(2018, 10, 3))  # r1 and r2 were published after that day
