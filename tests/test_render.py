"""Page generation: golden pages from a hand-made fixture, links, escaping, labels.

Refresh the golden files after an intended change to templates or renderer:
    WAQAI_REFRESH_GOLDEN=1 .venv/bin/pytest tests/test_render.py
then read the diff before committing it.
"""
from __future__ import annotations

import html
import os
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import markdown
import pytest
import site_fixture as fx
from hypothesis import given, settings
from hypothesis import strategies as st

from waqai.content.labels import load_labels
from waqai.content.pages import event_anchor
from waqai.errors import ContentError, DuplicateOutputError
from waqai.extract.digits import western_digits
from waqai.render import publish
from waqai.render.output import OutputTree
from waqai.render.site import md_escape, render_site, site_nav

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
REFRESH = os.environ.get("WAQAI_REFRESH_GOLDEN") == "1"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    tree = render_site(fx.timeline(), fx.articles(), fx.extractions(), ROOT / "templates")
    return {path: tree[path].decode("utf-8") for path in tree}


@pytest.mark.parametrize(
    ("page", "golden"),
    [("months/2019-02.md", "month-2019-02.md"), ("reports/fx-001.md", "report-fx-001.md")],
)
def test_golden_pages(pages, page, golden):
    path = GOLDEN / golden
    if REFRESH:
        path.write_text(pages[page], encoding="utf-8")
    assert pages[page] == path.read_text(encoding="utf-8"), f"refresh with WAQAI_REFRESH_GOLDEN=1 if intended: {path}"


def test_pages_by_id_and_month(pages):
    assert sorted(pages) == [
        "about.md",
        "actors/coalition.md",  # a page per place and per actor named by some event
        "actors/index.md",
        "changes.md",  # what changed since the last published data
        "data/events.csv",  # the data downloads and the page documenting them
        "data/events.json",
        "data/figures.csv",
        "data/first-published.json",  # the day the site first showed each event: the next build's feed reads it
        "downloads.md",
        "feed.xml",  # the Atom feed of events
        "index.md",
        "methodology.md",
        "months/2019-02.md",
        "months/2019-03.md",
        "months/index.md",  # the chronology: every month by year
        "places/baghuz.md",
        "places/index.md",
        "print.md",  # the whole chronology on one page, for print and `waqai pdf`
        "reports/fx-001.md",
        "reports/fx-002.md",
        "reports/index.md",
        "reports/undated.md",
    ]


def test_home_links_every_month(pages):
    for month in fx.timeline().months():
        assert f"(months/{month}.md)" in pages["index.md"]


def test_every_event_links_to_an_existing_sentence(pages):
    links = re.findall(r'href="\.\./\.\./(reports/[^/"#]+)/#(s\d+)"', pages["months/2019-02.md"])
    february = fx.timeline().months()["2019-02"]
    # each source, and the quote of each event's first source
    assert len(links) == sum(len(e.sources) + 1 for e in february)
    for report, anchor in links:
        assert f'id="{anchor}"' in pages[f"{report}.md"]


def test_report_page_keeps_the_text(pages):
    """The sentences, unescaped and joined line by line, give back the body (digits made Western)."""
    page = pages["reports/fx-001.md"]
    paragraphs = re.findall(r"^<p>(.*)</p>$", page, re.M)
    text = [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in paragraphs]
    expected = [line for line in western_digits(fx.BODY_A).splitlines() if line.strip()]
    assert text == expected


def test_undated_page_lists_undated_reports(pages):
    assert "(fx-002.md)" in pages["reports/undated.md"]
    assert "(fx-001.md)" not in pages["reports/undated.md"]


def test_no_arabic_indic_digits_anywhere(pages):
    for path, text in pages.items():
        assert not re.search("[\u0660-\u0669\u06f0-\u06f9]", text), path


def test_the_nav_leads_to_the_chronology_page_which_lists_every_month_by_year(pages):
    chronology = next(item["التسلسل الزمني"] for item in site_nav(load_labels()) if "التسلسل الزمني" in item)
    assert chronology == "months/index.md"
    listed = re.findall(r"^## (\d{4})$|^- \[([^\]]+)\]\(([\d-]+\.md)\)", pages[chronology], re.M)
    assert listed == [("2019", "", ""), ("", "شباط / فبراير 2019", "2019-02.md"), ("", "آذار / مارس 2019", "2019-03.md")]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2019-02-09", "9 شباط / فبراير 2019"),
        ("2017-11-26", "26 تشرين الثاني / نوفمبر 2017"),
        ("2019-01-23/2019-01-24", "23-24 كانون الثاني / يناير 2019"),
        ("2018-12-30/2019-01-02", "من 30 كانون الأول / ديسمبر 2018 إلى 2 كانون الثاني / يناير 2019"),
        ("2019-02", "شباط / فبراير 2019"),
        ("2019", "2019"),
        ("2019-02-02T23:30", "2 شباط / فبراير 2019، الساعة 23:30"),
    ],
)
def test_dates_as_readers_read_them(value, shown):
    assert load_labels().value(value) == shown


def test_date_with_weekday():
    assert load_labels().date(date(2019, 2, 9), weekday=True) == "السبت 9 شباط / فبراير 2019"


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("قتل 12 عنصراً", "قتل 12 عنصراً"),
        ("الممر *الآمن*", "الممر \\*الآمن\\*"),
        ("[بحسب] مصادر_محلية", "\\[بحسب\\] مصادر\\_محلية"),
        ("<عبر> & شهود", "&lt;عبر&gt; &amp; شهود"),
        ("سطر\nثان", "سطر ثان"),
        ("# ليس عنواناً {#x}", "\\# ليس عنواناً \\{\\#x\\}"),
    ],
)
def test_md_escape(text, markdown):
    assert md_escape(text) == markdown


def test_output_refuses_one_path_twice():
    tree = OutputTree()
    tree.add("reports/a.md", "أول")
    with pytest.raises(DuplicateOutputError, match="reports/a.md"):
        tree.add("reports/./a.md", "ثان")


def test_large_pages_wait_on_disk_and_read_back_as_written_in_any_tree():
    """A page from OutputTree.SPOOL_FROM bytes up is kept in the tree's spool file, not in
    memory, until it is written; a tree it is copied into reads the same bytes."""
    page = ("<li>قتل 3 مدنيين في الباغوز</li>\n" * 400).encode("utf-8")
    tree = OutputTree()
    tree.add("months/2019-02.md", page.decode("utf-8"))
    tree.add("reports/a.md", "أول")
    assert tree["months/2019-02.md"] == page and tree["reports/a.md"] == "أول".encode("utf-8")
    site = OutputTree()
    site.update(tree, prefix="docs/")
    del tree
    assert site["docs/months/2019-02.md"] == page and list(site) == ["docs/months/2019-02.md", "docs/reports/a.md"]


def test_template_error_names_the_template_and_line(tmp_path):
    for template in (ROOT / "templates").glob("*.j2"):
        (tmp_path / template.name).write_text(template.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "about.md.j2").write_text("# عن\n\n{{ site.no_such_field }}\n", encoding="utf-8")
    with pytest.raises(ContentError) as err:
        render_site(fx.timeline(), fx.articles(), fx.extractions(), tmp_path)
    assert err.value.path.name == "about.md.j2" and err.value.line == 3


ARABIC_AND_MARKUP = st.text(st.sampled_from(list("قتل في الباغوز 0123456789٣.-+!#*_[](){}<>&|`\\\"' \n")), max_size=40)


@settings(max_examples=200, deadline=None)
@given(ARABIC_AND_MARKUP)
def test_md_escape_shows_text_as_written(text):
    """Whatever the source says, Markdown renders it back as the same text on one line."""
    rendered = markdown.markdown(md_escape(text), extensions=["attr_list", "md_in_html", "admonition", "tables"])
    shown = html.unescape(re.sub(r"^<p>|</p>$", "", rendered))
    assert shown == " ".join(text.split())


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("  12: كانون الأول / ديسمبر\n", ""), "months: missing 12"),
        (("  7: الأحد\n", ""), "weekdays: missing 7"),
        (("event_types:", "event_kinds:"), "unknown table(s): event_kinds"),
        (("  clash: اشتباكات", "  clash: ''"), "event_types: must be a mapping of key: non-empty text"),
        (("  year: خلال السنة، دون شهر محدد\n", ""), "without_day: missing year"),
    ],
)
def test_broken_display_labels_name_the_file(tmp_path, change, problem):
    from waqai.content.labels import DEFAULT_PATH

    path = tmp_path / "display.yaml"
    path.write_text(DEFAULT_PATH.read_text(encoding="utf-8").replace(*change), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_labels(path)
    assert err.value.path == path and problem in err.value.problem


def test_a_month_past_the_limit_is_split_into_weeks_and_every_link_follows_its_events():
    """February has four events; with a limit of two they go to week pages, the one
    without a day stays on the month page, and the report, feed and print links follow."""
    tree = render_site(fx.timeline(), fx.articles(), fx.extractions(), ROOT / "templates", month_limit=2)
    pages = {path: tree[path].decode("utf-8") for path in tree}
    month = pages["months/2019-02.md"]
    assert re.findall(r"^- \[([^\]]+)\]\((2019-02/\d\.md)\) \((\d+)\)$", month, re.M) == [
        ("شباط / فبراير 2019: الأيام 1-7", "2019-02/1.md", "1"),
        ("شباط / فبراير 2019: الأيام 8-14", "2019-02/2.md", "2"),
    ]
    assert "months/2019-02/3.md" not in pages and "months/2019-03/1.md" not in pages  # no events there; March is small
    assert 'id="event-2019-02-fx-001-300"' in month  # a month-precision event has no week
    week = pages["months/2019-02/2.md"]
    assert 'id="event-2019-02-09-fx-001-0"' in week and 'id="event-2019-02-09-fx-001-80"' in week
    assert "[التالي" not in week and "[السابق: شباط / فبراير 2019: الأيام 1-7](1.md)" in week
    assert 'href="../../months/2019-02/2/#event-2019-02-09-fx-001-0"' in pages["reports/fx-001.md"]
    assert 'href="months/2019-02/2/#event-2019-02-09-fx-001-0"' in pages["feed.xml"]
    assert all(f'id="{anchor}"' in pages["print.md"] for anchor in re.findall(r'id="(event-[^"]+)"', month + week))


def test_a_place_past_the_limit_lists_its_events_on_a_page_per_month():
    """Every event names Baghuz. With a limit of two its page lists its months, and each
    month's page lists that month's events, with its neighbours; February's four are on
    two pages of two (a busy month is split again, so no page passes the limit); under the
    limit, its page lists them all, as before."""
    timeline = fx.timeline()
    timeline = replace(timeline, events=tuple(replace(event, places=("baghuz",)) for event in timeline.events))
    tree = render_site(timeline, fx.articles(), fx.extractions(), ROOT / "templates", entity_limit=2)
    pages = {path: tree[path].decode("utf-8") for path in tree}
    place = pages["places/baghuz.md"]
    assert "## الأحداث (5)" in place and "waqai-event-list" not in place
    assert re.findall(r"^- \[([^\]]+)\]\((baghuz/[\d-]+\.md)\) \((\d+)\)$", place, re.M) == [
        ("شباط / فبراير 2019 (1/2)", "baghuz/2019-02.md", "2"),
        ("شباط / فبراير 2019 (2/2)", "baghuz/2019-02-2.md", "2"),
        ("آذار / مارس 2019", "baghuz/2019-03.md", "1"),
    ]
    february, february_2, march = (pages[f"places/baghuz/{name}.md"] for name in ("2019-02", "2019-02-2", "2019-03"))
    listed = re.compile(r'<li><a href="[^"]*#(event-[^"]+)"')
    assert listed.findall(february) + listed.findall(february_2) == [event_anchor(e) for e in timeline.events if e.month == "2019-02"]
    assert len(listed.findall(february)) == 2
    assert listed.findall(march) == [event_anchor(e) for e in timeline.events if e.month == "2019-03"]
    assert "[الباغوز](../baghuz.md)" in february and "[التالي: شباط / فبراير 2019 (2/2)](2019-02-2.md)" in february and "[السابق" not in february
    assert "[السابق: شباط / فبراير 2019 (2/2)](2019-02-2.md)" in march and "[التالي" not in march
    whole = render_site(timeline, fx.articles(), fx.extractions(), ROOT / "templates", entity_limit=5)
    assert not any(path.startswith("places/baghuz/") for path in whole)
    assert listed.findall(whole["places/baghuz.md"].decode("utf-8")) == [event_anchor(e) for e in timeline.events]


def test_a_chronology_past_the_print_limit_is_printed_from_its_pages_in_order():
    """Five events and a print limit of two: the print page keeps its title page and contents,
    whose entries now lead to every chronology page (a split month's weeks under it), in
    order, for `waqai pdf` to gather; it repeats no event."""
    tree = render_site(fx.timeline(), fx.articles(), fx.extractions(), ROOT / "templates", month_limit=2, print_limit=2)
    pages = {path: tree[path].decode("utf-8") for path in tree}
    printed = pages["print.md"]
    assert 'id="event-' not in printed and "waqai-print-month" not in printed
    volumes = re.findall(r"\]\(([^)]+)\)\{ \.waqai-print-volume \}", printed)
    assert volumes == ["months/2019-02.md", "months/2019-02/1.md", "months/2019-02/2.md", "months/2019-03.md"]
    shown = {anchor for path in volumes for anchor in re.findall(r'id="(event-[^"]+)"', pages[path])}
    assert shown == {event_anchor(event) for event in fx.timeline().events}


def test_past_the_report_limit_reports_are_listed_month_by_month_and_printed_from_those_pages():
    """Two reports and a limit of one: the list of reports names the month of the dated one,
    whose page lists it; the undated one stays on the undated page; the print page's sources
    lead to those two pages for `waqai pdf` to gather, instead of listing every report."""
    tree = render_site(fx.timeline(), fx.articles(), fx.extractions(), ROOT / "templates", report_limit=1)
    pages = {path: tree[path].decode("utf-8") for path in tree}
    index = pages["reports/index.md"]
    assert "<table>" not in index
    assert re.findall(r"^- \[([^\]]+)\]\(([^)]+)\) \((\d+)\)$", index, re.M) == [("شباط / فبراير 2019", "months/2019-02.md", "1")]
    assert "[تقارير بلا تاريخ](undated.md)" in index
    february = pages["reports/months/2019-02.md"]
    assert re.findall(r'<td><a href="([^"]+)">', february) == ["../../fx-001/"]
    assert "[كل التقارير](../index.md)" in february
    assert "fx-002" in pages["reports/undated.md"]
    printed = pages["print.md"]
    assert re.findall(r"\]\(([^)]+)\)\{ \.waqai-print-volume \}", printed) == ["reports/months/2019-02.md", "reports/undated.md"]
    assert "waqai-address" not in printed


def test_events_of_unknown_date_past_the_month_limit_go_on_on_further_undated_pages():
    """Five events of unknown date and a limit of two: three pages of two, two and one, each
    linking the next, and every link to such an event (its report, the data) finds its page."""
    timeline = fx.timeline()
    unknown = tuple(replace(event, date=None, day=None, precision="unknown", date_basis="unknown") for event in timeline.events)
    timeline = replace(timeline, events=(), undated_events=unknown)
    tree = render_site(timeline, fx.articles(), fx.extractions(), ROOT / "templates", month_limit=2)
    pages = {path: tree[path].decode("utf-8") for path in tree}
    shown = {
        path: re.findall(r'<div class="waqai-event" id="([^"]+)"', pages[path])
        for path in ("reports/undated.md", "reports/undated/2.md", "reports/undated/3.md")
    }
    assert [len(anchors) for anchors in shown.values()] == [2, 2, 1]
    assert sum(shown.values(), []) == [event_anchor(event) for event in unknown]
    assert "[الصفحة التالية](undated/2.md)" in pages["reports/undated.md"]
    assert "[الصفحة السابقة](../undated.md) · [الصفحة التالية](3.md)" in pages["reports/undated/2.md"]
    last = shown["reports/undated/3.md"][0]
    assert f'href="../../reports/undated/3/#{last}"' in pages["reports/fx-001.md"]


def test_a_long_list_of_changes_shows_its_first_entries_and_says_where_the_rest_are(monkeypatch):
    """Against an empty release every event is new: the page counts them all and lists the first."""
    monkeypatch.setattr(publish, "CHANGES_LIMIT", 2)
    tree = render_site(fx.timeline(), fx.articles(), fx.extractions(), ROOT / "templates", previous_events=[])
    page = tree["changes.md"].decode("utf-8")
    assert "## أحداث جديدة (5)" in page
    assert len(re.findall(r"^- \[", page, re.M)) == 2
    assert "هذه أول 2 منها، والبقية في [التسلسل الزمني](months/index.md) وفي [البيانات](downloads.md)" in page


def test_an_event_the_text_dates_to_a_year_is_listed_as_of_the_year_not_of_a_month_or_a_day():
    """An event of `في نهاية العام 2019` is on the page of the year's first month, under a
    heading that says its month is unknown, before the month's own events without a day."""
    timeline = fx.timeline()
    first, *rest = timeline.events
    yearly = replace(first, date="2019", day=date(2019, 1, 1), precision="year")
    month_only = replace(rest[0], date="2019-01", day=date(2019, 1, 1), precision="month")
    tree = render_site(replace(timeline, events=(yearly, month_only, *rest[1:])), fx.articles(), fx.extractions(), ROOT / "templates")
    page = tree["months/2019-01.md"].decode("utf-8")
    headings = re.findall(r"^## (.+?) \{#", page, re.M)
    assert headings[:2] == ["خلال السنة، دون شهر محدد", "خلال الشهر، دون يوم محدد"]
    assert page.index(f'id="{event_anchor(yearly)}"') < page.index("## خلال الشهر")


def test_the_chronology_s_period_starts_with_a_year_an_event_is_dated_to_not_with_its_first_day():
    """The earliest event is dated `في نهاية العام 2018`: the home, chronology and print
    pages say the chronology runs from 2018, not from 1 January 2018."""
    timeline = fx.timeline()
    yearly = replace(timeline.events[0], date="2018", day=date(2018, 1, 1), precision="year")
    tree = render_site(replace(timeline, events=(yearly, *timeline.events[1:])), fx.articles(), fx.extractions(), ROOT / "templates")
    for path in ("index.md", "months/index.md", "print.md"):
        page = tree[path].decode("utf-8")
        assert "من 2018 إلى 1 آذار / مارس 2019" in page, path
        assert "1 كانون الثاني / يناير 2018" not in page, path


def test_an_event_of_unknown_date_added_since_the_last_release_links_its_undated_page():
    """Against a release that had none of the events, one of unknown date is listed among the
    new ones as of unknown date, linking the undated page that shows it."""
    timeline = fx.timeline()
    unknown = replace(timeline.events[0], date=None, day=None, precision="unknown", date_basis="unknown")
    timeline = replace(timeline, events=timeline.events[1:], undated_events=(unknown,))
    page = render_site(timeline, fx.articles(), fx.extractions(), ROOT / "templates", previous_events=[])["changes.md"].decode("utf-8")
    assert f"- [تاريخ غير معروف](reports/undated.md#{event_anchor(unknown)})" in page


def test_a_busy_month_s_events_without_a_day_go_on_on_further_pages_of_the_month():
    """February's four events, all dated by the month only, and a limit of two: its page
    lists two and links the page of the other two, which the reports and the print follow."""
    timeline = fx.timeline()
    loose = tuple(replace(e, date="2019-02", precision="month") if e.month == "2019-02" else e for e in timeline.events)
    timeline = replace(timeline, events=loose)
    tree = render_site(timeline, fx.articles(), fx.extractions(), ROOT / "templates", month_limit=2, print_limit=2)
    pages = {path: tree[path].decode("utf-8") for path in tree}
    listed = {path: re.findall(r'<div class="waqai-event" id="([^"]+)"', pages[path]) for path in ("months/2019-02.md", "months/2019-02/0-2.md")}
    assert sum(listed.values(), []) == [event_anchor(e) for e in loose if e.month == "2019-02"]
    assert [len(anchors) for anchors in listed.values()] == [2, 2]
    assert "- [شباط / فبراير 2019: بالشهر (2/2)](2019-02/0-2.md) (2)" in pages["months/2019-02.md"]
    moved = listed["months/2019-02/0-2.md"][0]
    assert f'href="../../months/2019-02/0-2/#{moved}"' in pages["reports/fx-001.md"]
    assert "months/2019-02/0-2.md" in re.findall(r"\]\(([^)]+)\)\{ \.waqai-print-volume \}", pages["print.md"])
