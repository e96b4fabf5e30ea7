"""Where each page lives and the anchors inside pages: one table the renderer, the
charts, the feed and the editors' page all link through.

Paths come from report ids and `YYYY-MM`, never from titles, so two similar
Arabic titles cannot collide.
"""
from __future__ import annotations

import re

from .records import Event

HOME = "index.md"
REPORTS = "reports/index.md"
UNDATED = "reports/undated.md"
METHODOLOGY = "methodology.md"
EDITORS = "editors.md"
ABOUT = "about.md"


def month_page(year_month: str) -> str:
    return f"months/{year_month}.md"


def report_page(article_id: str) -> str:
    return f"reports/{article_id}.md"


def event_anchor(event: Event) -> str:
    """An HTML id for an event, stable across builds because event ids are."""
    return "event-" + re.sub(r"[^A-Za-z0-9_-]+", "-", event.id).strip("-")


def sentence_anchor(index: int) -> str:
    """The id of sentence `index` (from waqai.sentences.split_sentences) on a report page."""
    return f"s{index}"
