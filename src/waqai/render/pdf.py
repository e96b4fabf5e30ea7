"""The full chronology as one PDF, printed by headless Chromium from the built site.

Chromium, not WeasyPrint: WeasyPrint still has open right-to-left and bidi bugs
with Arabic, while Chromium shapes Arabic, keeps the text layer in logical order
and draws the Plotly charts exactly as the site does. The PDF is the site's
full-chronology page (`print/`) printed with the print stylesheet (on a large site
that page links the chronology's pages, which are gathered into it first); the
`waqai-pdf` class on <html> tells that stylesheet to keep the charts (a reader
printing from the browser gets the static fallback tables instead). Chromium cannot
number a table of contents (no CSS target-counter), so the page is printed once, the
page each entry starts on read from that PDF's named destinations (pypdf), written into
the contents, and printed again, until the numbers hold.
"""
from __future__ import annotations

import html
import io
from pathlib import Path
from urllib.parse import unquote

from ..errors import PdfError
from .browser import launch_chromium, playwright_api, serve_directory
from .publish import PRINT_PAGE as PRINT_DOC
from .publish import load_words

PRINT_PAGE = PRINT_DOC.removesuffix(".md") + "/"  # its URL in the built site
CHART_SELECTOR = ".waqai-chart"
DRAWN_CHART_SELECTOR = f"{CHART_SELECTOR} .main-svg"

# The footer: publishing.yaml's words, with the spans Chromium fills on every page. It
# needs its own font size (the default is unreadably small) and sits in the page margin.
FOOTER_STYLE = "font-size:9pt;width:100%;text-align:center;font-family:'Noto Naskh Arabic','Noto Sans Arabic',sans-serif;"
MARGIN = {"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"}
# The width of A4 inside MARGIN in CSS pixels: the window is set to it before the charts are
# redrawn, so they are drawn at the paper's width (drawn wider, their right side is cut off).
A4_WIDTH_MM = 210
PAPER_WIDTH_PX = round((A4_WIDTH_MM - float(MARGIN["left"].removesuffix("mm")) - float(MARGIN["right"].removesuffix("mm"))) * 96 / 25.4)

# Plotly redraws asynchronously: return its promises, so the page is printed once every chart is redrawn.
_PREPARE_FOR_PDF = """
() => {
  document.documentElement.classList.add('waqai-pdf');
  if (!window.Plotly) return;
  return Promise.all([...document.querySelectorAll('.js-plotly-plot')].map(el => window.Plotly.Plots.resize(el)));
}
"""


# A print page past publish.PRINT_PAGE_LIMIT links the chronology's pages (VOLUME_SELECTOR):
# each is fetched and its content appended, in order, as a section that starts a new sheet.
# Its links are made absolute (they were relative to its own address), and those leaving the
# site marked, as print.js marks them on a page it loads itself.
VOLUME_SELECTOR = ".waqai-print-volume"
_GATHER_VOLUMES = """
async (selector) => {
  const content = (doc) => doc.querySelector('article.md-content__inner') || doc.querySelector('article');
  const here = content(document);
  const links = [...document.querySelectorAll(selector)];
  for (const link of links) {
    const url = new URL(link.getAttribute('href'), location.href);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const page = content(new DOMParser().parseFromString(await response.text(), 'text/html'));
    for (const attribute of ['href', 'src']) {
      for (const el of page.querySelectorAll(`[${attribute}]`)) el.setAttribute(attribute, new URL(el.getAttribute(attribute), url).href);
    }
    for (const a of page.querySelectorAll('a[href]')) if (a.host !== location.host) a.classList.add('waqai-external');
    const section = document.createElement('section');
    section.className = 'waqai-print-month';
    section.id = `print-volume-${links.indexOf(link)}`;
    link.setAttribute('href', '#' + section.id);  // the contents number it like a month of a whole page
    section.append(...page.childNodes);
    here.append(section);
  }
  return links.length;
}
"""


# The contents' entries that link a section of the page get the number of the sheet it starts
# on (pages: element id -> page number), in a span before the link; says whether one changed.
_NUMBER_CONTENTS = """
(pages) => {
  let changed = false;
  for (const link of document.querySelectorAll('.waqai-print-toc a[href*="#"]')) {
    const url = new URL(link.href, location.href);  // Material makes the page's own links absolute
    if (url.pathname !== location.pathname) continue;
    const number = pages[decodeURIComponent(url.hash.slice(1))];
    if (number === undefined) continue;
    let mark = link.parentElement.querySelector(':scope > .waqai-toc-page');
    if (!mark) {
      mark = document.createElement('span');
      mark.className = 'waqai-toc-page';
      link.parentElement.prepend(mark);
    }
    if (mark.textContent !== String(number)) {
      mark.textContent = String(number);
      changed = true;
    }
  }
  return changed;
}
"""
NUMBERING_ROUNDS = 3  # a contents page that grows by a line may move what follows; twice is the most seen


def destination_pages(pdf: bytes) -> dict[str, int]:
    """The page (from 1) of each named destination of a PDF Chromium printed: one per element
    id a link of the page points at, named by that id."""
    from pypdf import PdfReader  # with Playwright, in the `browser` extra

    reader = PdfReader(io.BytesIO(pdf))
    return {unquote(str(name).lstrip("/")): reader.get_destination_page_number(dest) + 1 for name, dest in reader.named_destinations.items()}


def footer_template(title: str, words: dict[str, str] | None = None) -> str:
    """The page footer: the title and "page N of M" in the words of publishing.yaml."""
    text = html.escape((words or load_words())["pdf_footer"]).format(
        title=html.escape(title), page='<span class="pageNumber"></span>', pages='<span class="totalPages"></span>'
    )
    return f'<div dir="rtl" style="{FOOTER_STYLE}">{text}</div>'


def write_pdf(site_dir: Path, out: Path, chromium: Path, *, timeout_ms: int = 30_000) -> int:
    """Print `site_dir`'s full-chronology page to `out`; returns the PDF's size in bytes.

    The footer holds the page's title and its number. Waits for every
    chart on the page to be drawn so the PDF never holds an empty chart frame.
    A print page that links the chronology's pages (a large site) has them gathered first.
    """
    index = site_dir / PRINT_PAGE / "index.html"
    if not index.is_file():
        raise FileNotFoundError(f"{index}: no full-chronology page (run `waqai build` first)")
    out.parent.mkdir(parents=True, exist_ok=True)
    with serve_directory(site_dir) as base_url, launch_chromium(chromium) as browser:
        page = browser.new_page(locale="ar")
        page.goto(base_url + PRINT_PAGE, wait_until="networkidle", timeout=timeout_ms)
        charts = page.locator(CHART_SELECTOR).count()
        try:
            page.wait_for_function(
                "([all, drawn]) => document.querySelectorAll(drawn).length >= document.querySelectorAll(all).length",
                arg=[CHART_SELECTOR, DRAWN_CHART_SELECTOR],
                timeout=timeout_ms,
            )
        except playwright_api().TimeoutError:
            raise PdfError(f"{index}: {charts} charts, not all drawn after {timeout_ms // 1000} s (is assets/vendor/plotly.js-basic-dist-min/plotly-basic.min.js served?)") from None
        try:
            page.evaluate(_GATHER_VOLUMES, VOLUME_SELECTOR)
        except playwright_api().Error as exc:
            raise PdfError(f"{index}: a page of the chronology could not be gathered: {str(exc).splitlines()[0]}") from None
        page.emulate_media(media="print")
        page.set_viewport_size({"width": PAPER_WIDTH_PX, "height": page.viewport_size["height"]})
        page.evaluate(_PREPARE_FOR_PDF)
        page.evaluate("document.fonts.ready")
        options = {
            "format": "A4",
            "print_background": True,
            "display_header_footer": True,
            "header_template": "<span></span>",
            "footer_template": footer_template(page.title()),
            "margin": MARGIN,
            "outline": True,  # PDF bookmarks from the headings: the reader's table of contents in the side panel
            "tagged": True,  # a tagged PDF keeps reading order for screen readers and text extraction
        }
        data = page.pdf(**options)
        for _ in range(NUMBERING_ROUNDS):
            if not page.evaluate(_NUMBER_CONTENTS, destination_pages(data)):
                break
            data = page.pdf(**options)
    out.write_bytes(data)
    return len(data)
