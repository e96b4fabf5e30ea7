"""Where each page lives and the anchors inside pages: one table the renderer, the
charts, the feed and the editors' page all link through.

Paths come from report ids and `YYYY-MM`, never from titles, so two similar
Arabic titles cannot collide.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date

from ..records import Event

HOME = "index.md"
CHRONOLOGY = "months/index.md"  # every month, by year
REPORTS = "reports/index.md"
UNDATED = "reports/undated.md"
METHODOLOGY = "methodology.md"
EDITORS = "editors.md"
ABOUT = "about.md"


def month_page(year_month: str) -> str:
    return f"months/{year_month}.md"


# A month with more events than this is split into four pages of about a week each
# (days 1-7, 8-14, 15-21, 22-end); the month page then lists the parts. Past a few
# hundred events a page is slow to open on a phone and to build.
MONTH_PAGE_LIMIT = 150
PART_DAYS = ((1, 7), (8, 14), (15, 21), (22, 31))
DAY_PRECISIONS = frozenset({"minute", "day", "range"})  # events placed under a day heading


def split_months(events: Iterable[Event], limit: int = MONTH_PAGE_LIMIT) -> frozenset[str]:
    """The months (YYYY-MM) whose events are listed on week pages rather than one page."""
    counts = Counter(event.month for event in events)
    return frozenset(month for month, count in counts.items() if count > limit)


def part_of(day: date) -> int:
    """Which part (1-4) of a split month lists `day`."""
    return next(n for n, (_, last) in enumerate(PART_DAYS, 1) if day.day <= last)


def part_page(year_month: str, part: int) -> str:
    return f"months/{year_month}/{part}.md"


def event_page(event: Event, split: frozenset[str]) -> str:
    """The chronology page that lists `event`: its month's page, or the part of the month
    holding its day when the month is split; an event without a day stays on the month page;
    an event of unknown date is listed on the page of undated reports."""
    if event.day is None:
        return UNDATED
    if event.month in split and event.precision in DAY_PRECISIONS:
        return part_page(event.month, part_of(event.day))
    return month_page(event.month)


def report_page(article_id: str) -> str:
    return f"reports/{article_id}.md"


def event_anchor(event: Event) -> str:
    """An HTML id for an event, stable across builds because event ids are."""
    return "event-" + re.sub(r"[^A-Za-z0-9_-]+", "-", event.id).strip("-")


def sentence_anchor(index: int) -> str:
    """The id of sentence `index` (from waqai.extract.sentences.split_sentences) on a report page."""
    return f"s{index}"
