"""`waqai pdf` on a built site: the PDF's text layer (read with poppler's pdftotext) holds the
chronology's Arabic in logical order, and every page carries its number.

Needs Chromium, Playwright and pdftotext: skipped without them, failed in CI (see required_tools).
"""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from required_tools import missing

from waqai.build import build
from waqai.errors import ChromiumMissing
from waqai.render.browser import find_chromium, playwright_api
from waqai.render.publish import load_words
from waqai.render import publish
from waqai.render import site as render_site
from waqai.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
PLACE = "الباغوز"

# pdftotext wraps right-to-left and left-to-right runs in bidi embedding controls; they carry no text.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
DIACRITICS = re.compile("[\u064b-\u065f\u0670]")
ARABIC_WORD = re.compile("[\u0621-\u064a]+")
MONTH_HEADING = re.compile(r'<h2 id="print-\d{4}-\d{2}">(?P<title>[^<]+)')


def arabic_words(text: str) -> list[str]:
    """The Arabic words of `text` in the order they are stored, without diacritics, digits or punctuation."""
    return ARABIC_WORD.findall(DIACRITICS.sub("", text))


def contains_phrase(words: list[str], phrase: list[str]) -> bool:
    return any(words[i : i + len(phrase)] == phrase for i in range(len(words) - len(phrase) + 1))


def flat(text: str) -> str:
    return " ".join(BIDI_CONTROLS.sub(" ", text).split())


def pdf_text(site: Path, out: Path) -> list[str]:
    """The text of each page of `waqai pdf`'s PDF of `site`, written to `out`."""
    if not shutil.which("pdftotext"):
        missing("pdftotext not found: apt-get install -y poppler-utils")
    try:
        playwright_api()
        find_chromium()
    except ChromiumMissing as exc:
        missing(str(exc))
    result = subprocess.run(
        [sys.executable, "-m", "waqai.cli", "pdf", "--site", str(site), "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, f"waqai pdf failed:\n{result.stderr}"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]  # pdftotext ends every page with a form feed


@pytest.fixture(scope="module")
def pdf_pages(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The text of each page of `waqai pdf`'s PDF of the built site."""
    return pdf_text(built_site, tmp_path_factory.mktemp("pdf") / "waqai.pdf")


def test_the_pdf_has_more_than_one_page(pdf_pages: list[str]) -> None:
    assert len(pdf_pages) > 1


def test_every_page_carries_its_number(pdf_pages: list[str]) -> None:
    footer = load_words()["pdf_footer"]
    numbering = footer[footer.index("{title}") + len("{title}"):].strip(" —-")  # "صفحة {page} من {pages}"
    total = len(pdf_pages)
    for number, text in enumerate(pdf_pages, start=1):
        assert flat(numbering.format(page=number, pages=total)) in flat(text), f"page {number} has no page number"


def test_arabic_is_stored_in_logical_order(pdf_pages: list[str], built_site: Path) -> None:
    words = arabic_words("\n".join(pdf_pages))
    assert PLACE in words
    assert PLACE[::-1] not in words, "a reversed place name: the text layer holds Arabic in visual order"
    titles = [html.unescape(t) for t in MONTH_HEADING.findall((built_site / "print" / "index.html").read_text(encoding="utf-8"))]
    assert titles, "the full-chronology page has no month headings"
    for title in titles:
        assert contains_phrase(words, arabic_words(title)), f"month title «{title}» is not in the PDF's text as written"


def test_a_print_page_that_links_the_months_has_them_all_gathered_into_the_pdf(tmp_path: Path) -> None:
    """The default content with a print limit of ten events and two reports a list: the print
    page only links the month pages and the pages listing the reports; the PDF still holds
    each month, its title and its last event's summary, and every report's title."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(publish, "PRINT_PAGE_LIMIT", 10)
        patch.setattr(render_site, "REPORTS_PER_PAGE", 2)
        build(Settings.defaults(ROOT).with_options(out=tmp_path / "out", jobs=1, quiet=True))
    site = tmp_path / "out" / "site"
    printed = (site / "print" / "index.html").read_text(encoding="utf-8")
    volumes = re.findall(r'<a class="waqai-print-volume" href="([^"]+)"', printed)
    lists = [href for href in volumes if "reports/" in href]  # the reports month by month, and those undated
    volumes = [href for href in volumes if href not in lists]
    assert len(volumes) > 1 and 'class="waqai-event"' not in printed
    assert "<p>التسلسل أطول من أن يُطبع في صفحة واحدة" in printed  # the note is a paragraph, not part of the charts' entry
    words = arabic_words("\n".join(pdf_text(site, tmp_path / "waqai.pdf")))
    assert len(lists) > 1
    reports = [page for page in (site / "reports").glob("*/index.html") if page.parent.name not in ("months", "undated")]
    assert len(reports) == len(list((ROOT / "content" / "articles").glob("*.md")))
    for report in reports:
        title = html.unescape(re.search(r"<h1[^>]*>([^<]+)", report.read_text(encoding="utf-8"))[1])
        assert contains_phrase(words, arabic_words(title)[:6]), f"report «{title}» is not in the PDF"
    for href in volumes:
        month = (site / "print" / href / "index.html").resolve().read_text(encoding="utf-8")
        title = html.unescape(re.search(r"<h1[^>]*>([^<]+)", month)[1])
        summary = html.unescape(re.findall(r'<div class="waqai-event" id="[^"]+">\n<p>.*?</p>\n<p>([^<]+)</p>', month)[-1])
        assert contains_phrase(words, arabic_words(title)), f"month «{title}» is not in the PDF"
        assert contains_phrase(words, arabic_words(summary)[:8]), f"«{summary}» of {href} is not in the PDF"


def printed_titles(built_site: Path) -> list[str]:
    """The month titles of the full-chronology page, in order."""
    return [html.unescape(t) for t in MONTH_HEADING.findall((built_site / "print" / "index.html").read_text(encoding="utf-8"))]


def first_page_of(pdf_pages: list[str], title: str, after: int) -> int:
    """The number (from 1) of the first page past `after` that starts with the heading `title`
    (each month starts a sheet)."""
    heading = arabic_words(title)
    first_lines = [next((line for line in text.splitlines() if line.strip()), "") for text in pdf_pages]
    return next(n for n, line in enumerate(first_lines, start=1) if n > after and arabic_words(line) == heading)


def test_the_contents_give_the_page_each_month_starts_on(pdf_pages: list[str], built_site: Path) -> None:
    contents = next(n for n, text in enumerate(pdf_pages, start=1) if "المحتويات" in text)
    numbers = [int(n) for n in re.findall(r"\d+", BIDI_CONTROLS.sub(" ", pdf_pages[contents - 1]))]
    for title in printed_titles(built_site):
        assert first_page_of(pdf_pages, title, contents) in numbers, f"«{title}»: no page number in the contents"


def test_the_first_event_is_by_page_three(pdf_pages: list[str], built_site: Path) -> None:
    printed = (built_site / "print" / "index.html").read_text(encoding="utf-8")
    summary = html.unescape(re.search(r'<div class="waqai-event" id="[^"]+">\n<p>.*?</p>\n<p>([^<]+)</p>', printed)[1])
    assert contains_phrase(arabic_words("\n".join(pdf_pages[:3])), arabic_words(summary)[:8])


def test_every_event_cites_its_report_and_the_sources_are_listed(pdf_pages: list[str], built_site: Path) -> None:
    from waqai.render.feed import configured_site_url

    text = BIDI_CONTROLS.sub("", "".join("".join(pdf_pages).split()))  # an address may break across lines
    printed = (built_site / "print" / "index.html").read_text(encoding="utf-8")
    text = text.replace("\u00b7", "")  # where an address broke across lines
    events = printed.count('class="waqai-event"')
    assert printed.count("data-cite=") >= events > 0  # each event cites its report...
    assert text.count(configured_site_url(ROOT / "mkdocs.yml") + "reports/") >= events  # ...with its address on paper
    for cited in set(re.findall(r'data-cite="([^"]+)"', printed)):
        assert cited in text, f"{cited} is cited by an event but not printed"
    sources = next(n for n in range(len(pdf_pages), 0, -1) if "المصادر" in pdf_pages[n - 1])
    appendix = arabic_words("\n".join(pdf_pages[sources - 1 :]))
    for title in {html.unescape(t) for t in re.findall(r'title="([^"]+)" data-cite=', printed)}:
        assert contains_phrase(appendix, arabic_words(title)[:6]), f"«{title}» is not in the sources appendix"


def test_the_pdf_says_how_to_cite_it_with_its_version_and_date(pdf_pages: list[str]) -> None:
    from importlib.metadata import version

    first = flat(pdf_pages[0])
    assert "للاستشهاد" in first and version("waqai") in first
    assert re.search(r"بُ? ?ني في \d+ ", first)

