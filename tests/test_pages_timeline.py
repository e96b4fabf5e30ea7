"""The timeline's own pages: a month page from hand-made sentences (golden), place and
actor pages, report text with its dates and figures marked, the data downloads.

Refresh the golden file after an intended change:
    WAQAI_REFRESH_GOLDEN=1 .venv/bin/pytest tests/test_pages_timeline.py
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
from datetime import date
from pathlib import Path

import pytest
from event_fixture import GAZETTEER, article, extraction, figure, mention

from waqai.render.site import render_site
from waqai.timeline.assemble import build_timeline

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden" / "month-timeline-2019-01.md"
REFRESH = os.environ.get("WAQAI_REFRESH_GOLDEN") == "1"

SOHR = (
    "وصل نحو 700 جندي من القوات الخاصة الأمريكية إلى شرق الفرات في الـ 23 والـ 24 من كانون الثاني، "
    "فيما قصفت طائرات التحالف بلدة الباغوز.\n"
    "وحاصرت قسد التنظيم في أقل من 4 كلم مربع عند الضفاف الشرقية لنهر الفرات."
)
WATAN = "أكد المرصد وصول 700 جندي أمريكي إلى شرق الفرات في الـ23 والـ 24 من كانون الثاني الماضي."


@pytest.fixture(scope="module")
def site():
    a, b = article("r-sohr", SOHR, date(2019, 1, 31)), article("r-watan", WATAN, date(2019, 2, 4), "الوطن")
    ex_a = extraction(
        a,
        [mention(SOHR, "الـ 23 والـ 24 من كانون الثاني", "2019-01-23/2019-01-24", "range")],
        [figure(SOHR, "نحو 700 جندي", 700, "troops", "approx", party="us_forces"),
         figure(SOHR, "أقل من 4 كلم مربع", 4, "territory", "less_than", unit="km2", party="isis")],
    )  # fmt: skip
    ex_b = extraction(
        b,
        [mention(WATAN, "الـ23 والـ 24 من كانون الثاني الماضي", "2019-01-23/2019-01-24", "range")],
        [figure(WATAN, "700 جندي", 700, "troops", party="us_forces")],
    )
    timeline = build_timeline([a, b], [ex_a, ex_b], GAZETTEER)
    return timeline, render_site(timeline, [a, b], [ex_a, ex_b], ROOT / "templates")


def test_golden_month_page(site):
    _, pages = site
    text = pages["months/2019-01.md"].decode() if isinstance(pages["months/2019-01.md"], bytes) else pages["months/2019-01.md"]
    if REFRESH:
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8"), f"refresh with WAQAI_REFRESH_GOLDEN=1 if intended: {GOLDEN}"


def page(pages, path: str) -> str:
    value = pages[path]
    return value.decode() if isinstance(value, bytes) else value


def test_the_merged_event_links_to_both_reports_at_their_sentences(site):
    month = page(site[1], "months/2019-01.md")
    assert 'href="../../reports/r-sohr/#s0"' in month and 'href="../../reports/r-watan/#s0"' in month


def test_place_and_actor_pages_list_their_events(site):
    _, pages = site
    assert "places/baghuz.md" in pages and "actors/us_forces.md" in pages
    baghuz = page(pages, "places/baghuz.md")
    events = re.findall(r'<li><a href="\.\./\.\./(months/[\d-]+)/#(event-[^"]+)">', baghuz)
    assert events and all(f'id="{anchor}"' in page(pages, f"{month}.md") for month, anchor in events)
    assert "قصفت طائرات التحالف بلدة الباغوز" in page(pages, f"{events[0][0]}.md")
    assert '<svg class="waqai-map"' in page(pages, "places/baghuz.md")
    assert "(us_forces.md)" in page(pages, "actors/index.md")


def test_report_text_marks_dates_and_figures_linked_to_their_events(site):
    report = page(site[1], "reports/r-sohr.md")
    marks = re.findall(r'<mark class="waqai-(\w+)" title="([^"]*)"><a href="([^"]+)">([^<]+)</a></mark>', report)
    assert [(kind, title, text) for kind, title, _, text in marks] == [
        ("figure", "جنود: 700", "نحو 700 جندي"),
        ("date", "23-24 كانون الثاني / يناير 2019", "الـ 23 والـ 24 من كانون الثاني"),
        ("figure", "مساحة: 4", "أقل من 4 كلم مربع"),
    ]
    assert all(href.startswith("../../months/2019-01/#event-") for _, _, href, _ in marks)


def test_downloads_hold_every_event_and_figure_with_its_sources(site):
    timeline, pages = site
    events = list(csv.DictReader(io.StringIO(page(pages, "data/events.csv"))))
    assert len(events) == len(timeline.events)
    merged = next(e for e in events if e["type"] == "reinforcement")
    assert merged["sources"] == "r-sohr#s0;r-watan#s0" and merged["date"] == "2019-01-23/2019-01-24"
    text = page(pages, "data/events.json")
    data = json.loads(text)
    assert [f["value"] for f in next(e for e in data if e["type"] == "reinforcement")["figures"]] == [700, 700]
    assert [json.loads(line.rstrip(",")) for line in text.splitlines()[1:-1]] == data  # one event per line
    figures = list(csv.DictReader(io.StringIO(page(pages, "data/figures.csv"))))
    territory = next(f for f in figures if f["category"] == "territory")
    assert (territory["qualifier"], territory["best"], territory["high"], territory["pocket"]) == ("less_than", "", "4", "east_euphrates")
    schema = page(pages, "downloads.md")
    for column in figures[0]:
        assert f'| <code dir="ltr">{column}</code> |' in schema


def test_a_report_without_publication_date_gives_undated_events_on_the_site():
    body = "هاجم عناصر التنظيم نقاطاً لقسد قرب هجين، وقصفت طائرات التحالف أطراف الباغوز."
    undated = article("r-undated", body, None)
    ex = extraction(undated)
    timeline = build_timeline([undated], [ex], GAZETTEER)
    pages = render_site(timeline, [undated], [ex], ROOT / "templates")
    assert timeline.events == () and timeline.undated_events
    data = json.loads(page(pages, "data/events.json"))
    assert data and all(e["date"] is None and e["precision"] == "unknown" for e in data)
    assert len(list(csv.DictReader(io.StringIO(page(pages, "data/events.csv"))))) == len(data)
    listing = page(pages, "reports/undated.md")
    assert "أحداث بلا تاريخ" in listing and all(f'id="event-{e["id"]}"' in listing for e in data)
    assert 'href="../../reports/undated/#event-' in page(pages, "reports/r-undated.md")


def test_the_csv_has_acled_columns(site):
    _, pages = site
    events = list(csv.DictReader(io.StringIO(page(pages, "data/events.csv"))))
    merged = next(e for e in events if e["type"] == "reinforcement")
    assert (merged["event_type"], merged["sub_event_type"]) == ("Strategic developments", "Change to group/activity")
    assert (merged["actor1"], merged["location"], merged["time_precision"]) == ("US forces", "east_euphrates", "2")
    assert merged["latitude"] and merged["notes"].startswith("وصل نحو 700 جندي")  # the report's own words
    strike = next(e for e in events if e["type"] == "airstrike")
    assert (strike["event_type"], strike["actor1"]) == ("Explosions/Remote violence", "Coalition")
    methodology = page(pages, "methodology.md")
    assert '| <code dir="ltr">airstrike</code> | <bdi dir="ltr">Explosions/Remote violence</bdi> | <bdi dir="ltr">Air/drone strike</bdi> |' in methodology


def test_a_report_whose_only_date_is_a_year_is_listed_as_of_that_year_on_every_page_and_in_the_csv():
    """A report of unknown publication date whose one dated sentence says `في نهاية العام
    2017`: its event is on January 2017's page under the year's heading, the period of the
    chronology begins with 2017 (not its first day), and the CSV gives the year with ACLED's
    time_precision 3."""
    from waqai.extract.article import extract_article

    body = "عودة الأهالي إلى البلدة\n\nسيطرت قسد على بلدة الباغوز في نهاية العام 2017 بعد معارك مع التنظيم."
    report = article("r-year", body, None)
    timeline = build_timeline([report], [extract_article(report)], GAZETTEER)
    pages = render_site(timeline, [report], [extract_article(report)], ROOT / "templates")
    [row] = [e for e in csv.DictReader(io.StringIO(page(pages, "data/events.csv"))) if e["date"]]
    assert (row["date"], row["precision"], row["time_precision"]) == ("2017", "year", "3")
    month = page(pages, "months/2017-01.md")
    assert "## خلال السنة، دون شهر محدد" in month and f'id="event-{row["id"]}"' in month
    assert "- **الفترة:** من 2017 إلى 2017\n" in page(pages, "index.md")


def test_acled_precisions_missing_one_an_event_can_have_is_an_error_naming_the_file(tmp_path):
    from waqai.errors import ContentError
    from waqai.timeline.acled import DEFAULT_PATH, load_acled

    bad = tmp_path / "acled.yaml"
    bad.write_text(DEFAULT_PATH.read_text(encoding="utf-8").replace(", year: 3}", "}"), encoding="utf-8")
    with pytest.raises(ContentError, match="time_precision") as raised:
        load_acled(bad)
    assert str(bad) in str(raised.value)
