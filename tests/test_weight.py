"""What a reader downloads: no page of the built site weighs more than 1 MB gzipped with the
scripts and stylesheets it loads, the charts' plotly.js and the search index."""
from __future__ import annotations

import gzip
import re
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlparse

PAGE_BUDGET = 1024 * 1024
PLOTLY = "assets/vendor/plotly.js-basic-dist-min/plotly-basic.min.js"  # charts.js loads it on a page with a chart
ASSET = re.compile(r'<(?:script[^>]+src|link[^>]+rel="stylesheet"[^>]+href)="([^"]+)"')


def page_weight(site: Path, page: Path) -> int:
    """The gzipped bytes of `page` and of the site's files it makes the browser load."""

    @cache
    def gz(path: Path) -> int:
        return len(gzip.compress(path.read_bytes()))

    text = page.read_text(encoding="utf-8")
    here = "/" + page.parent.relative_to(site).as_posix() + "/"
    loaded = {urlparse(urljoin(here, src)).path.lstrip("/") for src in ASSET.findall(text)}
    loaded.add("search/search_index.json")  # Material's search loads it with every page
    if 'class="waqai-chart"' in text:
        loaded.add(PLOTLY)
    return gz(page) + sum(gz(site / path) for path in loaded if (site / path).is_file())


def test_no_page_weighs_more_than_a_megabyte(built_site: Path) -> None:
    weights = {page.relative_to(built_site).as_posix(): page_weight(built_site, page) for page in built_site.rglob("*.html")}
    heavy = {page: weight for page, weight in weights.items() if weight > PAGE_BUDGET}
    assert not heavy, heavy
    assert weights["index.html"] > len(gzip.compress((built_site / PLOTLY).read_bytes()))  # the charts' script is counted
