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
from typing import Self

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


class MonthSplit(frozenset):
    """The months (YYYY-MM) listed on week pages rather than one page (a frozenset of them),
    and, for an event of a week with more than the limit, which page of the week lists it
    (`pages`, by event id; 1 when absent)."""

    pages: dict[str, int]

    def __new__(cls, months: Iterable[str] = (), pages: dict[str, int] | None = None) -> Self:
        split = super().__new__(cls, months)
        split.pages = pages or {}
        return split


def split_months(events: Iterable[Event], limit: int = MONTH_PAGE_LIMIT) -> MonthSplit:
    """The months whose events are listed on week pages, each week `limit` events a page,
    in the chronology's order: a busy week is listed on pages `1.md`, `1-2.md` ...; those
    months' events without a day, on the month's page, go on past `limit` on `0-2.md`,
    `0-3.md` ...; the events of unknown date among `events` are listed `limit` a page too
    (undated_page)."""
    events = list(events)
    counts = Counter(event.month for event in events if event.day is not None)
    months = frozenset(month for month, count in counts.items() if count > limit)
    listed: Counter[tuple[str, int]] = Counter()  # (month, week; 0: no day, -1: no date) -> events so far
    pages: dict[str, int] = {}
    for event in events:
        if event.day is None:
            week = ("", -1)
        elif event.month in months:
            week = (event.month, part_of(event.day) if event.precision in DAY_PRECISIONS else 0)
        else:
            continue
        if listed[week] >= limit:
            pages[event.id] = listed[week] // limit + 1
        listed[week] += 1
    return MonthSplit(months, pages)


def part_of(day: date) -> int:
    """Which part (1-4) of a split month lists `day`."""
    return next(n for n, (_, last) in enumerate(PART_DAYS, 1) if day.day <= last)


def part_page(year_month: str, part: int, page: int = 1) -> str:
    """Page `page` of week `part` (1-4) of a split month; part 0 holds its events without a
    day past those of the month's page."""
    return f"months/{year_month}/{part}.md" if page == 1 else f"months/{year_month}/{part}-{page}.md"


def undated_page(number: int = 1) -> str:
    """Page `number` (from 1) of the reports and events of unknown date."""
    return UNDATED if number == 1 else f"reports/undated/{number}.md"


def event_page(event: Event, split: frozenset[str]) -> str:
    """The chronology page that lists `event`: its month's page, or the part of the month
    holding its day when the month is split (the page of that week, MonthSplit.pages); an
    event without a day stays on the month page; an event of unknown date is listed on a
    page of undated reports (undated_page, as MonthSplit.pages says)."""
    if event.day is None:
        return undated_page(split.pages.get(event.id, 1) if isinstance(split, MonthSplit) else 1)
    if event.month in split:
        page = split.pages.get(event.id, 1) if isinstance(split, MonthSplit) else 1
        if event.precision in DAY_PRECISIONS:
            return part_page(event.month, part_of(event.day), page)
        if page > 1:  # an event without a day, past the first `limit` of its month's page
            return part_page(event.month, 0, page)
    return month_page(event.month)


# A merged event's block lists its first SOURCE_LIMIT sources and "و N مصادر أخرى", linking
# a listing of all of them, SOURCES_PER_PAGE a page: the same happening told by hundreds of
# reports must not make every page that lists it grow with them. Past FIGURE_LIMIT figures
# the block shows the highest of each kind, at most FIGURE_LIMIT (every figure stays on the
# sources pages, beside the source that gave it).
SOURCE_LIMIT = 10
SOURCES_PER_PAGE = 50
FIGURE_LIMIT = 10


def sources_page(event: Event, number: int = 1) -> str:
    """Page `number` (from 1) of the listing of an event's sources."""
    return f"sources/{event_anchor(event).removeprefix('event-')}/{number}.md"


def report_page(article_id: str) -> str:
    return f"reports/{article_id}.md"


# Past REPORTS_PER_PAGE reports the list of all reports (REPORTS) lists the months they were
# published in, each month's reports on pages of REPORTS_PER_PAGE: at 10,000 reports one
# list was 2.5 MB, and every new report made it again.
REPORTS_PER_PAGE = 200


def reports_month_page(year_month: str, number: int = 1) -> str:
    """Page `number` (from 1) of the reports published in `year_month` (YYYY-MM)."""
    return f"reports/months/{year_month}.md" if number == 1 else f"reports/months/{year_month}-{number}.md"


def event_anchor(event: Event) -> str:
    """An HTML id for an event, stable across builds because event ids are."""
    return "event-" + re.sub(r"[^A-Za-z0-9_-]+", "-", event.id).strip("-")


def sentence_anchor(index: int) -> str:
    """The id of sentence `index` (from waqai.extract.sentences.split_sentences) on a report page."""
    return f"s{index}"
