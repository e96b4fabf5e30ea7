"""The hostile corpus in a real browser: nothing a report says runs, and all of it reads as text.

tests/hostile/ is built (once per session, shared with test_hostile.py) and
served on 127.0.0.1; headless Chromium opens every page a hostile report
reaches, and its search. Every payload there calls alert('xss-...'), so a
dialog means script ran. The DOM must hold no element or attribute that came
from a report (event handlers, `javascript:` URLs, images pointing at "x",
frames, styles), and the payloads must be in the page's visible text.
The browser is the session's (conftest.py); the hostile site is built once (hostile_corpus.py).
"""
from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from hostile_corpus import VISIBLE, built_hostile_site

from waqai.render.browser import serve_directory

PAGES = sorted({*VISIBLE, "index.html", "months/2019-02/index.html", "months/2019-03/index.html", "reports/index.html", "reports/undated/index.html", "about/index.html", "editors/index.html", "print/index.html"})
TIMEOUT_MS = 30_000  # plotly.js is 3.5 MB to parse on a busy machine
SETTLE_MS = 300  # broken images fire onerror, SVGs onload, soon after "load"
SEARCH_SECONDS = 20

# What would have come from a report: the page's own markup has none of it.
INJECTED = """() => {
    const found = [];
    for (const el of document.querySelectorAll("*")) {
        for (const attr of el.attributes) {
            const value = attr.value.trim().toLowerCase();
            if (attr.name.startsWith("on") || value.startsWith("javascript:")) found.push(`${el.tagName} ${attr.name}=${attr.value}`);
        }
    }
    for (const el of document.querySelectorAll("iframe, object, embed, img[src='x'], style:not([id])")) {
        if (el.tagName !== "STYLE" || el.textContent.includes("display:none")) found.push(el.outerHTML.slice(0, 120));
    }
    for (const el of document.querySelectorAll("script")) {
        if (el.textContent.includes("xss-")) found.push("script: " + el.textContent.slice(0, 120));
    }
    return found;
}"""


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_directory(built_hostile_site(tmp_path_factory)) as url:
        yield url


@pytest.fixture()
def page(chromium):  # the session's Chromium (conftest.py: skips, or fails in CI, without it)
    """A fresh page that records every dialog (and dismisses it, so a page cannot hang on one)."""
    context = chromium.new_context(locale="ar")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.dialogs = []

    def dialog(d) -> None:
        page.dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    page.on("dialog", dialog)
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_no_script_from_a_report_runs(page, hostile_url: str, path: str) -> None:
    page.goto(hostile_url + path, wait_until="load")
    page.wait_for_timeout(SETTLE_MS)
    page.mouse.move(200, 300)  # an injected onmouseover would fire now
    assert page.dialogs == []
    assert page.evaluate(INJECTED) == []
    text = " ".join(page.inner_text("body").split())
    for payload in VISIBLE.get(path, []):
        assert " ".join(payload.split()) in text, payload


def test_search_results_show_hostile_titles_as_text(page, hostile_url: str) -> None:
    page.goto(hostile_url, wait_until="load")
    search = page.locator(".md-search__input")
    search.click()
    search.fill("عنوان عريض")  # words of the hostile titles
    results = page.locator(".md-search-result__item")
    deadline = time.monotonic() + SEARCH_SECONDS
    while not results.count() and time.monotonic() < deadline:
        search.press("End")  # Material searches on keyup
        page.wait_for_timeout(250)
    assert results.count(), "the search found nothing"
    page.wait_for_timeout(SETTLE_MS)
    assert page.dialogs == []
    assert page.evaluate(INJECTED) == []
    assert any("<script>alert('xss-title')</script>" in text for text in results.all_inner_texts())


def test_the_checks_see_a_script_that_runs(page) -> None:
    """The two checks above can fail: an unescaped payload shows a dialog and an injected element."""
    page.set_content("<p>نص <img src=x onerror=\"alert('xss-probe')\"></p>")
    page.wait_for_timeout(SETTLE_MS)
    assert page.dialogs == ["alert: xss-probe"]
    assert len(page.evaluate(INJECTED)) == 2
