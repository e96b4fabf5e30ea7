"""Every page stays bounded when hundreds of reports tell the same happenings (issue 20).

One build of 300 generated seed-length reports (benchmarks/make_realistic_corpus.py:
eight reports lead with each happening, later ones quote it and revise its toll), then
the built site is read as a reader's browser gets it. No page may grow with the number
of reports that tell one story: a merged event lists at most pages.SOURCE_LIMIT sources
and links the rest, months and places are listed on pages of bounded size, a chart draws
a bounded number of points, and every page can still be reached by following links.
"""
from __future__ import annotations

import html
import json
import posixpath
import re
import sys
from pathlib import Path

import pytest

from waqai.content.labels import load_labels
from waqai.content.pages import (
    FIGURE_LIMIT,
    MONTH_PAGE_LIMIT,
    REPORTS_PER_PAGE,
    SOURCE_LIMIT,
    SOURCES_PER_PAGE,
)
from waqai.records import Figure
from waqai.render.charts import CHART_POINTS, CHART_TOTAL, TABLE_ROWS
from waqai.render.editors import EDITORS_LIST_LIMIT, further_pages
from waqai.render.entities import ENTITY_PAGE_LIMIT
from waqai.render.site import best_figures

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from make_realistic_corpus import make_realistic_corpus

REPORTS = 300
PAGE_BYTES = 1_000_000  # no page over 1 MB
EVENT_LIST = re.compile(r'<ul class="waqai-event-list">(.*?)</ul>', re.DOTALL)
EVENT_BLOCK = re.compile(r'<div class="waqai-event" id="[^"]+">(.*?)</div>', re.DOTALL)
SOURCES_LINE = re.compile(r'<p class="waqai-sources">(.*?)</p>', re.DOTALL)
FLAG_ITEM = re.compile(r"<li><strong>[^<]*</strong> \(")  # a series flag: its label, then its events
LISTED_SOURCE = re.compile(r'<ol class="waqai-sources-list"[^>]*>(.*?)</ol>', re.DOTALL)
CHART_SPEC = re.compile(r'<div class="waqai-chart" id="[^"]+"[^>]* data-spec="([^"]*)"')
CHART_TABLE = re.compile(r'<details class="waqai-chart-fallback">.*?<tbody>(.*?)</tbody>', re.DOTALL)
REPORT_ROW = re.compile(r'<tr><td>[^<]*</td><td>[^<]*</td><td><a href="([^"]+)">')
HREF = re.compile(r'href="([^"#]*)[^"]*"')


@pytest.mark.parametrize(
    ("more", "shown"),
    [(1, "ومصدر آخر"), (2, "ومصدران آخران"), (5, "و5 مصادر أخرى"), (10, "و10 مصادر أخرى"), (12, "و12 مصدراً آخر"), (240, "و240 مصدراً آخر")],
)
def test_the_sources_left_off_a_block_are_counted_as_arabic_counts_them(more: int, shown: str) -> None:
    assert load_labels().more_sources(more) == shown


def toll(value: int, category: str = "killed") -> Figure:
    text = f"ليرتفع إلى {value} عدد القتلى"
    return Figure(0, len(text), text, float(value), category, "exact", party="isis", since="2018-09-10")


def test_a_toll_revised_by_many_reports_shows_its_latest_highest_value() -> None:
    """Twelve reports revise one running toll upward and one adds the wounded: the block
    shows the highest toll and the wounded, not twelve lines."""
    figures = [(f"r{n}", toll(100 + n)) for n in range(12)] + [("r3", toll(40, "wounded"))]
    assert [(a, f.value, f.category) for a, f in best_figures(figures)] == [("r11", 111, "killed"), ("r3", 40, "wounded")]


def test_an_event_with_few_figures_shows_them_all() -> None:
    figures = [(f"r{n}", toll(100 + n)) for n in range(FIGURE_LIMIT)]
    assert best_figures(figures) == figures


def test_a_long_list_of_the_editors_page_goes_on_on_further_pages_each_linking_the_next() -> None:
    """450 flags: the editors' page lists 200, page 2 the next 200, page 3 the last 50."""
    parts = further_pages("flags", "{first}-{last} من {count}", 450, lambda i, here: f"<li>{i} {here}</li>", table=False)
    assert [(p.page, p.title, len(p.items), p.previous, p.next) for p in parts] == [
        ("editors/flags/2.md", "201-400 من 450", EDITORS_LIST_LIMIT, "editors.md", "editors/flags/3.md"),
        ("editors/flags/3.md", "401-450 من 450", 50, "editors/flags/2.md", None),
    ]
    assert parts[1].items[0] == "<li>400 editors/flags/3.md</li>"  # each item linked from its own page


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, waqai_build) -> Path:
    content = tmp_path_factory.mktemp("corpus")
    make_realistic_corpus(REPORTS, content)
    return waqai_build(tmp_path_factory.mktemp("build"), "--content", str(content), "--editors")  # the editors' page too: it is bounded like the rest


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_page_is_over_a_megabyte(site: Path) -> None:
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in html_pages(site)}
    assert len(sizes) > REPORTS  # the reports' pages, the months', the places'...
    too_big = {page: size for page, size in sizes.items() if size > PAGE_BYTES}
    assert not too_big


def test_an_event_block_lists_at_most_ten_sources_and_links_the_rest(site: Path) -> None:
    longest, linked = 0, 0
    for page in html_pages(site):
        for block in EVENT_BLOCK.findall(page.read_text(encoding="utf-8")):
            sources = SOURCES_LINE.search(block).group(1)
            more = "sources/" in sources  # the link to the listing of all its sources
            longest = max(longest, sources.count("<a ") - more)
            linked += more
    assert longest == SOURCE_LIMIT  # the corpus has events told by more than ten reports...
    assert linked  # ...and their blocks link the listing of the others


def test_the_sources_listing_is_paginated_and_lists_every_source(site: Path) -> None:
    listings = sorted((site / "sources").iterdir())
    assert listings
    for listing in listings:
        pages = sorted(listing.glob("*/index.html"))
        counts = [LISTED_SOURCE.search(p.read_text(encoding="utf-8")).group(1).count("<li><a ") for p in pages]
        assert all(0 < c <= SOURCES_PER_PAGE for c in counts)
        assert sum(counts) > SOURCE_LIMIT  # only events with more sources than a block shows have one


def test_month_pages_list_at_most_the_month_limit(site: Path) -> None:
    counts = {p: p.read_text(encoding="utf-8").count('class="waqai-event"') for p in (site / "months").rglob("index.html")}
    assert max(counts.values()) == MONTH_PAGE_LIMIT  # busy weeks are on several pages, each full


def test_place_and_actor_pages_list_at_most_the_entity_limit(site: Path) -> None:
    for folder in ("places", "actors"):
        for page in (site / folder).rglob("index.html"):
            listed = sum(items.count("<li>") for items in EVENT_LIST.findall(page.read_text(encoding="utf-8")))
            assert listed <= ENTITY_PAGE_LIMIT, page


def test_the_home_page_is_small(site: Path) -> None:
    assert (site / "index.html").stat().st_size < PAGE_BYTES // 2


def test_the_editors_page_lists_a_bounded_number_of_flags_and_values(site: Path) -> None:
    page = (site / "editors" / "index.html").read_text(encoding="utf-8")
    tables = page.split("<table>")[1:]  # one a running toll
    assert tables and all(table.split("</table>")[0].count("<tr><td>") <= EDITORS_LIST_LIMIT for table in tables)
    assert len(FLAG_ITEM.findall(page)) == EDITORS_LIST_LIMIT  # the series flags: the first 200 of many
    further = sorted((site / "editors").rglob("*/index.html"))
    assert further  # hundreds of reports revise the tolls: their values go on on further pages
    for part in further:
        text = part.read_text(encoding="utf-8")
        assert text.count("<tr><td>") + len(FLAG_ITEM.findall(text)) <= EDITORS_LIST_LIMIT


def test_the_home_and_print_pages_draw_a_bounded_number_of_points_a_line(site: Path) -> None:
    """Hundreds of reports revise the running tolls: past CHART_POINTS readings a line (or
    CHART_TOTAL a chart) draws one point a day (or week...), and the table beside the chart
    its latest points."""
    thinned = 0
    for page in ("index.html", "print/index.html"):
        text = (site / page).read_text(encoding="utf-8")
        specs = [json.loads(html.unescape(spec)) for spec in CHART_SPEC.findall(text)]
        assert len(specs) == 2  # territory and tolls
        for spec in specs:
            drawn = [sum(y is not None for y in line["y"]) for line in spec["data"]]
            assert max(drawn) <= CHART_POINTS and sum(drawn) <= CHART_TOTAL
        assert all(table.count("<tr>") <= TABLE_ROWS for table in CHART_TABLE.findall(text))
        thinned += text.count("لكثرة الأرقام يرسم كل خط")
    assert thinned  # the corpus has a toll revised more than CHART_POINTS times
    assert (site / "print" / "index.html").stat().st_size < PAGE_BYTES // 2


def _reports_listed(page: Path) -> list[str]:
    return REPORT_ROW.findall(page.read_text(encoding="utf-8"))


def test_the_list_of_reports_is_a_page_per_month_and_lists_every_report(site: Path) -> None:
    """300 reports are more than one list holds: the list names the months, each month's
    page lists its reports (REPORTS_PER_PAGE a page), the undated page the others."""
    assert not _reports_listed(site / "reports" / "index.html")
    months = sorted((site / "reports" / "months").glob("*/index.html"))
    assert len(months) > 1
    counts = [len(_reports_listed(page)) for page in months]
    assert all(0 < count <= REPORTS_PER_PAGE for count in counts)
    undated = (site / "reports" / "undated" / "index.html").read_text(encoding="utf-8")
    assert sum(counts) + undated.count('<li><a href="../') == REPORTS


def test_the_undated_pages_list_at_most_the_month_limit_of_events(site: Path) -> None:
    pages = [site / "reports" / "undated" / "index.html", *sorted((site / "reports" / "undated").glob("*/index.html"))]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert text.count('class="waqai-event"') <= MONTH_PAGE_LIMIT and text.count('<li><a href="../') <= REPORTS_PER_PAGE
    assert 'class="waqai-event"' in pages[0].read_text(encoding="utf-8")  # some events have no date


def _links(site: Path, page: Path) -> set[Path]:
    """The pages of the site a page links to (as a browser resolves its links)."""
    folder = posixpath.dirname(page.relative_to(site).as_posix())
    out = set()
    for href in HREF.findall(page.read_text(encoding="utf-8")):
        if not href or "://" in href or href.startswith(("mailto:", "data:")):
            continue
        target = site / posixpath.normpath(posixpath.join(folder, href))
        out.add(target / "index.html" if target.is_dir() else target)
    return out


def test_a_reader_reaches_every_page_from_the_home_page(site: Path) -> None:
    """Bounded pages link the rest (further pages, months, listings): following links from
    the home page reaches every page of the site."""
    seen, todo = {site / "index.html"}, [site / "index.html"]
    while todo:
        for target in _links(site, todo.pop()):
            if target.suffix == ".html" and target not in seen and target.is_file():
                seen.add(target)
                todo.append(target)
    assert set(html_pages(site)) - seen <= {site / "404.html"}
