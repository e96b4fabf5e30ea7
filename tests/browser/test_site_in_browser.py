"""The built site as readers meet it: in Chromium, on a phone and a desktop, on screen and on paper."""
from __future__ import annotations

import gzip
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from required_tools import missing

# Every chart container holds Plotly's drawing (`.main-svg`), and there are at least two
# (the territory held and the cumulative tolls).
CHARTS_DRAWN = """
() => {
  const charts = document.querySelectorAll('.waqai-chart');
  return charts.length >= 2 && [...charts].every(c => c.querySelector('.main-svg'));
}
"""

# What is for moving around the site, not for reading: hidden on paper, shown on a desktop screen.
NAVIGATION = (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer")

SHOWN = "el => { const r = el.getBoundingClientRect(); return getComputedStyle(el).display !== 'none' && r.width > 0 && r.height > 0; }"

# The colour Plotly gave the first axis label: it follows the palette.
AXIS_LABEL_COLOUR = "() => getComputedStyle(document.querySelector('.waqai-chart .xtick text')).fill"

# Every text Plotly drew in the charts: ticks, axis titles, legends, notes.
CHART_TEXTS = "() => [...document.querySelectorAll('.waqai-chart svg text')].map(t => t.textContent).filter(t => t.trim())"
ARABIC_MONTHS = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول")
HOME_BUDGET = 600 * 1024  # the home page and everything it loads, gzipped: a phone on a slow line

PLACE = "الباغوز"
SEARCH_INDEX_SECONDS = 20  # the search worker loads and indexes every page first


def wait_for_charts(page) -> None:
    page.wait_for_function(CHARTS_DRAWN)


def shown(page, selector: str) -> list[bool]:
    return page.eval_on_selector_all(selector, f"els => els.map({SHOWN})")


def month_count(site: Path) -> int:
    return sum(1 for month in (site / "months").iterdir() if (month / "index.html").is_file())


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_home_page_is_right_to_left_with_both_charts_drawn(open_page, screenshot, viewport: str) -> None:
    page = open_page("", viewport)
    wait_for_charts(page)
    # Material sets the direction on <body> (its <html> carries only lang="ar").
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("body").get_attribute("dir") == "rtl"
    assert page.eval_on_selector(".md-content", "el => getComputedStyle(el).direction") == "rtl"
    # Plotly's axes are left to right whatever the page's direction.
    assert set(page.eval_on_selector_all(".waqai-chart", "els => els.map(el => el.getAttribute('dir'))")) == {"ltr"}
    # A past bug: right-to-left pages 10,000 px wide, scrolled sideways on a phone.
    width, client = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    assert width <= client + 1, f"the page is {width} px wide in a {client} px window"
    screenshot(page, f"home-{viewport}-light", full_page=True)


def test_the_charts_speak_arabic(open_page) -> None:
    page = open_page("", "phone")
    wait_for_charts(page)
    texts = page.evaluate(CHART_TEXTS)
    latin = [text for text in texts if re.search("[A-Za-z]", text)]
    assert not latin, f"Latin text in the charts: {latin}"
    ticks = page.eval_on_selector_all(".waqai-chart .xtick text", "els => els.map(e => e.textContent)")
    assert ticks and all(any(month in tick for month in ARABIC_MONTHS) for tick in ticks), ticks
    buttons = page.eval_on_selector_all(".waqai-chart .modebar-btn", "els => els.map(e => e.getAttribute('data-title'))")
    assert buttons and not [b for b in buttons if re.search("[A-Za-z]", b)], buttons


def test_the_home_page_with_all_it_loads_is_light(open_page, site_url: str) -> None:
    page = open_page(None, "phone")
    loaded = []
    page.on("response", lambda response: loaded.append(response))
    page.goto(site_url, wait_until="load")
    wait_for_charts(page)
    page.wait_for_load_state("networkidle")  # the search index and its worker too
    assert any(r.url.endswith("search_index.json") for r in loaded)
    sizes = {r.url: len(gzip.compress(r.body())) for r in loaded if r.ok}
    assert all(url.startswith(site_url) for url in sizes), "something was fetched from outside the site"
    assert sum(sizes.values()) <= HOME_BUDGET, sorted(sizes.items(), key=lambda item: -item[1])[:5]


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_dark_palette_redraws_the_charts(open_page, screenshot, viewport: str) -> None:
    page = open_page("", viewport)
    wait_for_charts(page)
    light = page.evaluate(AXIS_LABEL_COLOUR)
    page.locator("form[data-md-component=palette] label:visible").click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    page.wait_for_function(f"light => ({AXIS_LABEL_COLOUR})() !== light", arg=light)
    screenshot(page, f"home-{viewport}-dark")


def test_instant_navigation_to_a_month_and_back_keeps_the_charts(open_page, screenshot, site_url: str) -> None:
    page = open_page("", "desktop")
    wait_for_charts(page)
    page.evaluate("window.waqaiSamePage = true")  # gone if the browser loads a new document
    page.locator("a[href*='/months/2']:visible").first.click()  # a month (not the chronology page); Material makes internal links absolute
    page.wait_for_url(re.compile(r"/months/\d{4}-\d{2}/$"))
    page.locator("h1").first.wait_for()
    assert page.evaluate("window.waqaiSamePage === true"), "the month page was loaded as a new document, not by instant navigation"
    screenshot(page, "month-desktop-light")
    page.go_back()
    page.wait_for_url(site_url)
    wait_for_charts(page)
    assert page.evaluate("window.waqaiSamePage === true")


def search(page, query: str) -> tuple[int, list[str]]:
    """Type `query` into the search box: (the number of pages found, the titles shown)."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill(query)
    # Material searches on keyup, and Playwright types Arabic letters as text input without
    # key events: press a key that changes nothing, until the search index has loaded.
    results = page.locator(".md-search-result__item")
    deadline = time.monotonic() + SEARCH_INDEX_SECONDS
    while not results.count() and time.monotonic() < deadline:
        box.press("End")
        page.wait_for_timeout(250)
    found = re.search(r"\d+", page.locator(".md-search-result__meta").inner_text())
    return (int(found.group()) if found and results.count() else 0), [t.split("\n")[0] for t in results.all_inner_texts()]


def test_search_finds_a_place(open_page, screenshot) -> None:
    page = open_page("", "desktop")
    _, titles = search(page, PLACE)
    assert PLACE in titles, titles[:3]
    screenshot(page, "search-desktop")


@pytest.mark.parametrize(
    ("query", "like", "title"),
    [
        ("عشارة", "العشارة", "العشارة"),  # without the article and with taa marbuta written as it is
        ("بالباغوز", "الباغوز", "الباغوز"),  # with a preposition before the article
        ("والباغوز", "الباغوز", "الباغوز"),
        ("قسد", "قوات سوريا الديمقراطية", "قوات سوريا الديمقراطية (قسد)"),  # an alias finds its party's pages
        ("داعش", "تنظيم الدولة الإسلامية", "تنظيم الدولة الإسلامية"),
    ],
)
def test_search_folds_arabic_and_knows_aliases(open_page, query: str, like: str, title: str) -> None:
    """A query finds at least the pages its plain or full form finds, and the page of what it names."""
    page = open_page("", "desktop")
    count, titles = search(page, query)
    assert title in titles, titles[:5]
    page.locator(".md-search__input").fill("")
    plain, plain_titles = search(page, f"+{like.replace(' ', ' +')}")  # every word of the full name
    assert count >= plain > 0, (count, plain)
    assert plain_titles[0] in titles, (plain_titles[:3], titles[:5])


def test_the_search_folds_queries_as_waqai_folds_the_index(chromium, site_url: str) -> None:
    """The site's JavaScript folds each word as waqai.search does in Python with camel-tools."""
    from waqai.site.search import fold_word

    words = ["بالباغوز", "الشَّعْفَة", "إدلب", "أدلب", "مصطفى", "الـبـاغـوز", "للنظام", "وكالنظام", "الفرات", "قسد", "داعش", "2019", "SDF"]
    page = chromium.new_page()
    page.goto(site_url + "search/search_index.json")
    page.add_script_tag(content="var lunr = {Pipeline: {registerFunction: function () {}}, QueryLexer: function () {}};")
    page.add_script_tag(url=site_url + "assets/javascripts/lunr/min/lunr.waqai.min.js")
    assert page.evaluate("words => words.map(lunr.waqai.foldWord)", words) == [fold_word(w) for w in words]
    page.close()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_print_hides_navigation_and_shows_the_chart_fallback(open_page, screenshot, viewport: str) -> None:
    page = open_page("", viewport)
    wait_for_charts(page)
    if viewport == "desktop":
        assert all(shown(page, ".md-header, .md-tabs, .md-sidebar--primary"))  # so hiding them below means something
    page.emulate_media(media="print")
    for selector in (*NAVIGATION, "nav"):
        assert not any(shown(page, selector)), f"{selector} is printed"
    assert not any(shown(page, ".waqai-chart")), "an interactive chart is printed"
    fallbacks = shown(page, ".waqai-chart-fallback table")
    assert len(fallbacks) == page.locator(".waqai-chart").count() and all(fallbacks), "a chart's fallback table is not printed"
    assert page.eval_on_selector(".md-content", "el => getComputedStyle(el).direction") == "rtl"
    screenshot(page, f"home-{viewport}-print", full_page=True)


def test_print_writes_external_links_out(open_page, site_url: str) -> None:
    """An address leaving the site is written after its link on paper; the site's own links are not."""
    external, internal = "https://example.org/report/1", "../months/"

    def with_links(route) -> None:
        body = route.fetch().text()
        links = f'<p><a id="ext" href="{external}">مصدر</a> <a id="int" href="{internal}">شهر</a></p>'
        route.fulfill(body=body.replace("</h1>", "</h1>" + links, 1), content_type="text/html; charset=utf-8")

    page = open_page(None)
    page.route(site_url + "about/", with_links)
    page.goto(site_url + "about/", wait_until="load")
    page.emulate_media(media="print")
    after = "el => getComputedStyle(el, '::after').content"
    assert external in page.eval_on_selector("#ext", after)
    assert page.eval_on_selector("#int", after) in ("none", "normal", "")


def test_full_chronology_prints_one_month_per_page(open_page, screenshot, built_site: Path) -> None:
    page = open_page("print/", "desktop")
    page.emulate_media(media="print")
    assert page.locator("body").get_attribute("dir") == "rtl"
    assert page.eval_on_selector(".waqai-title-page", "el => getComputedStyle(el).breakAfter") == "page"
    months = page.locator(".waqai-print-month:not(.waqai-print-charts)")
    assert months.count() == month_count(built_site)
    assert set(months.evaluate_all("els => els.map(el => getComputedStyle(el).breakBefore)")) == {"page"}
    assert not any(shown(page, ".md-header, .md-tabs, .md-sidebar, nav"))
    screenshot(page, "print-desktop")


def test_a_page_printed_from_the_browser_carries_its_page_numbers(open_page, tmp_path: Path) -> None:
    """What a reader gets from the browser's Print: every sheet numbered `N / total` (print.css)."""
    if not shutil.which("pdftotext"):
        missing("pdftotext not found: apt-get install -y poppler-utils")
    out = tmp_path / "month.pdf"
    page = open_page("months/2019-02/", "desktop")
    page.pdf(path=str(out), format="A4")  # as the browser prints: no footer of waqai pdf's
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True, check=True).stdout
    sheets = [re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", " ", sheet) for sheet in text.split("\f")[:-1]]
    assert len(sheets) > 1
    for number, sheet in enumerate(sheets, start=1):
        assert re.search(rf"\b{number}\s*/\s*{len(sheets)}\b|\b{len(sheets)}\s*/\s*{number}\b", sheet), f"sheet {number} has no number"
