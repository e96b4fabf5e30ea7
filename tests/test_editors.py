"""The editors' page from a small fixture: two reports raise a toll, a third lowers it; one report has a warning."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from event_fixture import GAZETTEER, article, extraction, figure

from waqai.records import Warning
from waqai.render.site import render_site
from waqai.timeline.assemble import build_timeline

ROOT = Path(__file__).resolve().parent.parent
SINCE = {"party": "isis", "since": "2018-09-10"}

# (report id, published, body, the toll's text, its value): in publication order.
REPORTS = [
    ("r1", date(2019, 2, 1), "قُتل منذ أيلول الفائت 1000 عنصر من التنظيم بحسب المرصد.", "1000 عنصر", 1000),
    ("r2", date(2019, 2, 5), "تقدمت قسد في القرى.\nليرتفع إلى 1100 عدد قتلى التنظيم منذ أيلول.", "1100", 1100),
    ("r3", date(2019, 2, 8), "ليرتفع إلى 1050 عدد قتلى التنظيم منذ أيلول.", "1050", 1050),
]


@pytest.fixture(scope="module")
def page() -> str:
    articles = [replace(article(i, body, day), title=f"تقرير {i}") for i, day, body, _, _ in REPORTS]
    extractions = [
        extraction(a, figures=[figure(a.body, text, value, "killed", as_of=a.published.isoformat(), **SINCE)])
        for a, (_, _, _, text, value) in zip(articles, REPORTS)
    ]
    body = articles[1].body
    slip = Warning("weekday-date-mismatch", "the weekday does not fit the date", body.index("1100"), body.index("1100") + 4)
    extractions[1] = replace(extractions[1], warnings=(slip,))
    timeline = build_timeline(articles, extractions, GAZETTEER)
    tree = render_site(timeline, articles, extractions, ROOT / "templates", editors=True)
    return tree["editors.md"].decode("utf-8")


def test_a_warning_links_to_its_sentence_with_its_arabic_label(page):
    assert '<strong>يوم الأسبوع لا يوافق التاريخ المذكور</strong> في <a href="../reports/r2/#s1">تقرير r2</a>' in page
    assert '<code dir="ltr">weekday-date-mismatch</code>' in page  # the code reads left to right in the Arabic line
    assert "the weekday does not fit the date" not in page  # the extractor's English detail stays out


def test_the_toll_chain_lists_every_value_in_order_with_its_source_and_marks_the_decrease(page):
    rows = re.findall(r'^<tr><td>(\d+ [^<]+)</td><td>(.+?)</td><td><a href="([^"]+)">[^<]+</a></td></tr>$', page, re.M)
    assert rows == [
        ("1 شباط / فبراير 2019", "1,000", "../reports/r1/#s0"),
        ("5 شباط / فبراير 2019", "1,100", "../reports/r2/#s1"),
        ("8 شباط / فبراير 2019", "<strong>▼ 1,050</strong> (أدنى من قيمة سابقة)", "../reports/r3/#s0"),
    ]
    assert "### قتلى: تنظيم الدولة الإسلامية (منذ 10 أيلول / سبتمبر 2018) ▼" in page
    assert '<code dir="ltr">killed:isis:2018-09-10</code>' in page


def test_the_decrease_is_also_a_flag_linking_both_events(page):
    flags = page.split("## تنبيهات السلاسل (1)")[1].split("##")[0]
    assert '<code dir="ltr">toll-down</code>' in flags
    assert flags.count('<a href="../months/2019-02/#event-') == 2


def test_a_flag_s_item_is_written_once_until_its_events_change(tmp_path, monkeypatch):
    """A rebuild with the pieces of the last one takes each flag's list item from them: the
    page is the same, and no item is written again; the item of a flag whose event's view
    changed is."""
    from waqai.incremental.reuse import Reuse
    from waqai.render.editors import FlagView
    from waqai.render.site import SHARED_INPUTS

    articles = [replace(article(i, body, day), title=f"تقرير {i}") for i, day, body, _, _ in REPORTS]
    extractions = [
        extraction(a, figures=[figure(a.body, text, value, "killed", as_of=a.published.isoformat(), **SINCE)])
        for a, (_, _, _, text, value) in zip(articles, REPORTS)
    ]
    written: list[str] = []
    item_html = FlagView.item_html
    monkeypatch.setattr(FlagView, "item_html", lambda self, here: written.append(self.code) or item_html(self, here))

    def editors_page(articles) -> str:
        written.clear()
        reuse = Reuse("templates v1", {}, tmp_path / "docs", SHARED_INPUTS, tmp_path / "cache")
        page = render_site(build_timeline(articles, extractions, GAZETTEER), articles, extractions, ROOT / "templates", reuse=reuse, editors=True)["editors.md"]
        reuse.save_pieces()
        return page.decode("utf-8")

    first = editors_page(articles)
    assert written == ["toll-down"]
    assert editors_page(articles) == first and written == []
    retitled = [*articles[:2], replace(articles[2], title="تقرير معدّل")]  # the lower value's report: its event's view names it
    assert editors_page(retitled) == first and written == ["toll-down"]  # written again, though the item does not show the title
