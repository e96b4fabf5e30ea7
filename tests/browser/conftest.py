"""Browser tests: the built site in Debian's headless Chromium, driven by Playwright.

One build of the default content (`built_site`, shared with the PDF and
reproducibility tests), served on 127.0.0.1 once, one Chromium for the whole
session; every test gets a fresh browser context (no cache, no stored palette),
so tests do not depend on each other's order. Without Playwright or Chromium the
tests skip, except in CI where they fail (see required_tools).

Screenshots land in build/screenshots/ for a human look; they are not compared.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from required_tools import missing

from waqai.errors import ChromiumMissing
from waqai.render.browser import (
    find_chromium,
    launch_chromium,
    playwright_api,
    serve_directory,
)

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"

# A phone (the width of a common one, laid out as a phone: meta viewport honoured, touch) and a desktop.
VIEWPORTS = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}

TIMEOUT_MS = 20_000  # Plotly is 3.5 MB of JavaScript to parse on a busy two-core machine


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the session (skips, or fails in CI, when Playwright or Chromium is missing)."""
    try:
        playwright_api()
        executable = find_chromium()
    except ChromiumMissing as exc:
        missing(str(exc))
    with launch_chromium(executable) as browser:
        yield browser


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The base URL of the built site, served on 127.0.0.1 for the whole session."""
    with serve_directory(built_site) as url:
        yield url


@pytest.fixture
def open_page(chromium, site_url: str) -> Iterator[Callable[..., object]]:
    """open_page(path, viewport="desktop"): a Playwright Page with the site's `path` loaded, in a fresh context."""
    contexts = []

    def open_(path: str | None = "", viewport: str = "desktop"):
        context = chromium.new_context(locale="ar", **VIEWPORTS[viewport])
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        if path is not None:  # None: a blank page, for a test that routes requests first
            page.goto(site_url + path, wait_until="load")
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def screenshot() -> Callable[[object, str], Path]:
    """screenshot(page, name, full_page=False): save build/screenshots/NAME.png for a human look."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str, full_page: bool = False) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take
