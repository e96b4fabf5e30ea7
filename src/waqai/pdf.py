"""The full chronology as one PDF, printed by headless Chromium from the built site.

Chromium, not WeasyPrint: WeasyPrint still has open right-to-left and bidi bugs
with Arabic, while Chromium shapes Arabic, keeps the text layer in logical order
and draws the Plotly charts exactly as the site does. The PDF is the site's
single full-chronology page (`print/`) printed with the print stylesheet; the
`waqai-pdf` class on <html> tells that stylesheet to keep the charts (a reader
printing from the browser gets the static fallback tables instead).
"""
from __future__ import annotations

from pathlib import Path

from .browser import launch_chromium, serve_directory

PRINT_PAGE = "print/"
CHART_SELECTOR = ".waqai-chart"
DRAWN_CHART_SELECTOR = f"{CHART_SELECTOR} .main-svg"

# Chromium fills the classes pageNumber / totalPages; the template needs its own
# font size (the default is unreadably small) and sits in the page margin.
FOOTER_TEMPLATE = (
    '<div dir="rtl" style="font-size:9pt;width:100%;text-align:center;'
    'font-family:\'Noto Naskh Arabic\',\'Noto Sans Arabic\',sans-serif;">'
    '<span>{label}</span> — صفحة <span class="pageNumber"></span> من <span class="totalPages"></span></div>'
)
MARGIN = {"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"}

_PREPARE_FOR_PDF = """
() => {
  document.documentElement.classList.add('waqai-pdf');
  if (window.Plotly) {
    for (const el of document.querySelectorAll('.js-plotly-plot')) { window.Plotly.Plots.resize(el); }
  }
}
"""


def write_pdf(site_dir: Path, out: Path, chromium: Path, *, timeout_ms: int = 30_000) -> int:
    """Print `site_dir`'s full-chronology page to `out`; returns the PDF's size in bytes.

    The footer holds the page's title and the page numbers. Waits for every
    chart on the page to be drawn so the PDF never holds an empty chart frame.
    """
    index = site_dir / PRINT_PAGE / "index.html"
    if not index.is_file():
        raise FileNotFoundError(f"{index}: no full-chronology page (run `waqai build` first)")
    out.parent.mkdir(parents=True, exist_ok=True)
    with serve_directory(site_dir) as base_url, launch_chromium(chromium) as browser:
        page = browser.new_page(locale="ar")
        page.goto(base_url + PRINT_PAGE, wait_until="networkidle", timeout=timeout_ms)
        charts = page.locator(CHART_SELECTOR).count()
        if charts:
            page.wait_for_function(
                "([all, drawn]) => document.querySelectorAll(drawn).length >= document.querySelectorAll(all).length",
                arg=[CHART_SELECTOR, DRAWN_CHART_SELECTOR],
                timeout=timeout_ms,
            )
        page.emulate_media(media="print")
        page.evaluate(_PREPARE_FOR_PDF)
        page.evaluate("document.fonts.ready")
        data = page.pdf(
            path=str(out),
            format="A4",
            print_background=True,
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=FOOTER_TEMPLATE.format(label=_escape(page.title())),
            margin=MARGIN,
            outline=True,  # PDF bookmarks from the headings: the reader's table of contents in the side panel
            tagged=True,  # a tagged PDF keeps reading order for screen readers and text extraction
        )
    return len(data)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
