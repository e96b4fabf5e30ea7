"""Debian's headless Chromium against a local copy of the built site.

`waqai pdf` and the browser tests both need the same two things: the site
served on 127.0.0.1 (pages loaded from file:// lose search and instant
navigation) and a Chromium started with the flags this machine's closed network
needs (without the background-networking ones Chromium keeps retrying Google's
hosts). Playwright drives the system browser: its own browser download is not
available here, and Debian's `chromium` package is what `.ci/run` installs.
"""
from __future__ import annotations

import functools
import os
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType

from ..errors import ChromiumMissing

DEFAULT_CHROMIUM = Path("/usr/bin/chromium")

CHROMIUM_ARGS = (
    "--no-sandbox",  # CI runs as root
    "--disable-dev-shm-usage",  # containers give /dev/shm 64 MB, too little for Chromium
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

MISSING_CHROMIUM = (
    "Chromium not found at {path}. Install Debian's chromium: "
    "`apt-get install -y chromium` (Playwright's own browser download does not work here)."
)




def find_chromium(path: Path | None = None) -> Path:
    """The Chromium executable to drive (Debian's /usr/bin/chromium by default), or ChromiumMissing naming the fix."""
    path = path or DEFAULT_CHROMIUM
    if path.is_file():
        return path
    found = shutil.which("chromium")
    if found:
        return Path(found)
    raise ChromiumMissing(MISSING_CHROMIUM.format(path=path))


_LOC = re.compile(r"<loc>(?P<url>[^<]+)</loc>")


def relocate_sitemap(sitemap: str, base_url: str) -> str:
    """The sitemap with the published address (`site_url`: what all <loc> share) replaced by `base_url`.

    Material's instant navigation only intercepts links to pages listed in
    sitemap.xml, matching scheme, host, port and path; `mkdocs serve` rewrites
    site_url the same way for its preview.
    """
    locations = _LOC.findall(sitemap)
    if not locations:
        return sitemap
    shared = os.path.commonprefix(locations)
    root = shared[: shared.rfind("/") + 1]
    return _LOC.sub(lambda m: "<loc>" + base_url + m.group("url")[len(root):] + "</loc>", sitemap)


class _SiteHandler(SimpleHTTPRequestHandler):
    """Static files, quietly (a log line per request would flood test output), sitemap relocated."""

    base_url = ""

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        pass

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        if self.path.split("?")[0] != "/sitemap.xml":
            return super().do_GET()
        path = Path(self.translate_path(self.path))
        if not path.is_file():
            return super().do_GET()
        body = relocate_sitemap(path.read_text(encoding="utf-8"), self.base_url).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_directory(root: Path) -> Iterator[str]:
    """Serve `root` on 127.0.0.1 at a free port in a thread; yields the base URL ("http://127.0.0.1:PORT/")."""
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no such folder (run `waqai build` first)")
    handler = type("Handler", (_SiteHandler,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    handler.base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield handler.base_url
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def playwright_api() -> ModuleType:
    """playwright.sync_api, an optional dependency only `waqai pdf` and the browser tests need."""
    try:
        from playwright import sync_api
    except ImportError:
        raise ChromiumMissing("the playwright Python package is missing: pip install -e '.[browser]' (the README's '.[test]' includes it)") from None
    return sync_api


@contextmanager
def launch_chromium(executable: Path) -> Iterator[object]:
    """A headless Playwright Browser on `executable`, closed on exit."""
    with playwright_api().sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), headless=True, args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()
