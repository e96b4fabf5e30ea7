"""A page edited by hand in build/site/ does not survive the next build.

On a copy of the default content, built: an editor fixes a typo straight in
build/site/index.html, or deletes a page there; the next `waqai build`, with
nothing else changed, notices the site is not what it wrote and rebuilds it, so
the site is again byte for byte the one the content makes.
"""
from __future__ import annotations

import pytest

from project_copy import hashes, waqai


@pytest.mark.parametrize("change", ["edited", "deleted"])
def test_the_next_build_rewrites_a_page_changed_by_hand(project_copy, change):
    site = project_copy / "build" / "site"
    built = hashes(site)
    page = site / "index.html"
    if change == "edited":
        page.write_text(page.read_text(encoding="utf-8").replace("</body>", "<p>تصحيح يدوي</p></body>"), encoding="utf-8")
    else:
        page.unlink()
    assert hashes(site) != built
    build = waqai(project_copy, "build")
    assert build.status == 0 and "was changed since the last build" in build.stderr, build.stderr
    assert hashes(site) == built
    again = waqai(project_copy, "build")
    assert again.status == 0 and "up to date" in again.stderr, again.stderr
