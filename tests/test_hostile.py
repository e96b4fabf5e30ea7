"""Hostile text is shown, never run: the corpus in tests/hostile built the way a user builds.

Every page of the built corpus is parsed: no element, event handler,
`javascript:` URL or script may come from a report, and the payloads must be
in the page's text exactly as the reports wrote them. The feed, the search
index and the CSV downloads carry the same text as data.
"""
from __future__ import annotations

import csv
import html
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest
from hostile_corpus import VISIBLE, built_hostile_site, scan

from waqai.render.downloads import FORMULA_STARTS, formula_safe
from waqai.render.site import _yaml_string, html_escape, md_escape


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return built_hostile_site(tmp_path_factory)


def test_the_scan_sees_an_injection():
    """The check below can fail: markup that would run is reported."""
    injected, _ = scan("<p>نص <img src=x onerror=\"alert('xss-a')\"> <a href=\"javascript:alert('xss-b')\">ر</a></p>")
    assert len(injected) == 3
    assert scan("<p>&lt;img src=x onerror=&quot;alert('xss-a')&quot;&gt;</p>") == ([], "<img src=x onerror=\"alert('xss-a')\">")


def test_no_page_runs_or_loads_anything_from_a_report(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    found = {p.relative_to(site).as_posix(): scan(p.read_text(encoding="utf-8"))[0] for p in pages}
    assert {page: items for page, items in found.items() if items} == {}


@pytest.mark.parametrize("page", sorted(VISIBLE))
def test_hostile_text_is_shown_as_written(site, page):
    _, text = scan((site / page).read_text(encoding="utf-8"))
    text = " ".join(text.split())
    for payload in VISIBLE[page]:
        assert " ".join(payload.split()) in text


def test_titles_stay_text_in_the_page_title_and_the_search_index(site):
    _, text = scan((site / "reports" / "hostile-markup" / "index.html").read_text(encoding="utf-8"))
    assert "<script>alert('xss-title')</script> عنوان <b>عريض</b> {{ config.site_name }} - " in text  # <title>
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        assert "<script" not in doc["title"] and "<img" not in doc["title"], doc["location"]


def test_two_reports_with_one_title_keep_their_own_pages(site):
    """Pages are named by id, never by title: the same title twice is no collision."""
    first, second = (site / "reports" / name / "index.html" for name in ("hostile-markup", "hostile-same-title"))
    assert "تعزيزات عسكرية" in second.read_text(encoding="utf-8") and "تعزيزات عسكرية" not in first.read_text(encoding="utf-8")


def test_the_feed_is_xml_with_the_text_as_text(site):
    feed = ET.parse(site / "feed.xml").getroot()
    texts = " ".join(e.text or "" for e in feed.iter())
    # an entry's title is the event's headline, made from templates; the hostile outlet's
    # name still reaches the feed, as text
    assert "</div><div onclick=\"alert('xss-div')\">" in texts
    assert all(not child.tag.endswith(("script", "img")) for child in feed.iter())


@pytest.mark.parametrize("name", ["events.csv", "figures.csv"])
def test_no_csv_cell_starts_a_formula(site, name):
    rows = list(csv.reader((site / "data" / name).read_text(encoding="utf-8").splitlines()))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    if name == "events.csv":
        assert any(cell.startswith("'=HYPERLINK(") for cell in cells)
        assert any(cell.startswith("'@SUM(1+1)") for cell in cells)


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+1+1 نص", "'+1+1 نص"),
        ("-2+3", "'-2+3"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\tقتلى", "'\tقتلى"),
        ("قتل 3 مدنيين = خبر", "قتل 3 مدنيين = خبر"),
        ("2019-02-10", "2019-02-10"),
        (-3, -3),
        (None, None),
    ],
)
def test_formula_guard(cell, written):
    assert formula_safe(cell) == written


MARKDOWN = markdown.Markdown(extensions=["attr_list", "md_in_html", "admonition", "tables", "toc"])  # as mkdocs.yml


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "[رابط](javascript:alert(1))",
        "![صورة](x.png)",
        "!!! warning \"انتباه\"",
        '--8<-- "/etc/passwd"',
        "نص {: onclick=alert(1) }",
        "<!-- تعليق -->",
        "# عنوان",
        "| a | b |",
        "1. قائمة",
        "- بند",
        "> اقتباس",
        "*مائل* __عريض__ `رمز` \\",
        "&lt;script&gt; &amp;",
        "<https://example.org>",
        "---",
        "===",
        "***",
        "~~~",
        "+ بند",
    ],
)
def test_markdown_shows_escaped_text_as_written(text):
    rendered = MARKDOWN.reset().convert(md_escape(text))
    assert rendered.startswith("<p>") and rendered.endswith("</p>") and "<" not in rendered[3:-4]
    assert html.unescape(rendered[3:-4]) == text


@pytest.mark.parametrize("text", ["<b>x</b>", "a\" onclick=\"x", "قصف (عنيف) \\ `رمز`", "&lt;"])
def test_html_escape_and_front_matter_titles_hold_no_markup(text):
    for escaped in (html_escape(text), json.loads(_yaml_string(text))):
        assert not set("<>\"()`\\") & set(escaped)
        assert "&lt;" not in text or "&amp;lt;" in escaped
