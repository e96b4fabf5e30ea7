"""The built site as an Arabic reader reads it: an Arabic footer, Latin kept whole inside
Arabic lines, no stray Markdown, and no editors' page on the public site."""
from __future__ import annotations

import re
from pathlib import Path

from waqai.content.labels import load_labels
from waqai.render.site import mixed_escape, site_nav

ARABIC = re.compile(r"[\u0600-\u06ff]")
LATIN = re.compile(r"[A-Za-z]")
# What reads left to right on its own: code, an isolated run, a link marked so, scripts and drawings.
ISOLATED = re.compile(r'<(script|svg|style|pre)\b[^>]*>.*?</\1>|<(code|bdi|a)\b[^>]*dir="ltr"[^>]*>.*?</\2>', re.S)


def article(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.find("<article") : html.find("</article>")]


def test_latin_inside_arabic_lines_is_isolated_and_no_backtick_shows(built_site: Path) -> None:
    mixed, backticks = {}, {}
    for page in built_site.rglob("index.html"):
        text = ISOLATED.sub(" ", article(page))
        where = page.parent.relative_to(built_site).as_posix()
        found = [t for t in re.findall(r">([^<>]+)<", text) if ARABIC.search(t) and LATIN.search(t)]
        if found:
            mixed[where] = found[:2]
        if "`" in re.sub(r"<[^>]+>", "", text):
            backticks[where] = True
    assert not mixed, mixed
    assert not backticks, backticks


def test_the_footer_speaks_arabic(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    footer = html[html.find('<footer class="md-footer">') :]
    assert "Made with" not in footer
    assert ARABIC.search(re.sub(r"<[^>]+>", "", footer[: footer.find("</footer>")]))


def test_the_editors_page_is_not_on_the_public_site(built_site: Path) -> None:
    assert not (built_site / "editors").exists()
    assert "editors/" not in (built_site / "index.html").read_text(encoding="utf-8")
    assert "editors.md" not in str(site_nav(load_labels())) and "editors.md" in str(site_nav(load_labels(), editors=True))


def test_a_latin_run_reads_left_to_right_inside_arabic() -> None:
    assert mixed_escape("Deir ez-Zor · مدينة") == '<bdi dir="ltr">Deir ez-Zor</bdi> · مدينة'
    assert mixed_escape("الإحداثيات 35.33, 40.14") == 'الإحداثيات <bdi dir="ltr">35.33, 40.14</bdi>'
    assert mixed_escape("المصادر في `sources`") == 'المصادر في <code dir="ltr">sources</code>'
    assert mixed_escape("2019-02-09 قتل 5") == "2019-02-09 قتل 5"  # digits alone read right already


def test_the_editors_page_is_built_when_asked(waqai_build, tmp_path: Path) -> None:
    site = waqai_build(tmp_path, "--editors")
    page = (site / "editors" / "index.html").read_text(encoding="utf-8")
    assert "للمحررين" in page and "editors/" in (site / "index.html").read_text(encoding="utf-8")


def test_a_map_s_place_names_are_not_what_a_page_is_found_by(built_site: Path) -> None:
    """A place page's map names the places around it: searching one of those must not list the page."""
    import json

    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    pages = [d for d in docs if d["location"].startswith("places/") and d["location"] != "places/"]
    assert pages and not [d["location"] for d in pages if "(Abu Kamal)" in d["text"]]  # a map point's title
