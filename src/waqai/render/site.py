"""The render stage: timeline, reports and extractions in, Markdown pages out.

Pages are plain Markdown plus small HTML blocks (attr_list, md_in_html), so a
later move from MkDocs Material to Zensical stays cheap. Everything is
rendered in memory as {relative path: text}; nothing touches disk here.

Output paths come from report ids and `YYYY-MM`, never from titles, so two
similar Arabic titles cannot collide. Digits are written Western everywhere:
the site's search (lunr, Arabic) drops Arabic-Indic digits.
"""
from __future__ import annotations

import hashlib
import json
import pickle
import posixpath
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import jinja2

from ..content.labels import Labels, load_labels
from ..content.pages import (
    ABOUT,
    CHRONOLOGY,
    DAY_PRECISIONS,
    EDITORS,
    FIGURE_LIMIT,
    HOME,
    METHODOLOGY,
    MONTH_PAGE_LIMIT,
    PART_DAYS,
    REPORTS,
    REPORTS_PER_PAGE,
    SOURCE_LIMIT,
    SOURCES_PER_PAGE,
    UNDATED,
    event_anchor,
    event_page,
    month_page,
    part_of,
    part_page,
    report_page,
    reports_month_page,
    sentence_anchor,
    sources_page,
    split_months,
    undated_page,
)  # fmt: skip
from ..errors import ContentError
from ..extract.digits import western_digits
from ..extract.sentences import Sentence, split_sentences
from ..records import Article, Event, Extraction, Figure, Source, Timeline
from ..timeline.acled import type_rows
from ..timeline.changes import CHANGES_PAGE
from . import entities
from .charts import home_charts, load_words, page_url, relative_path
from .downloads import DOWNLOADS, download_files, download_views
from .editors import (
    EDITORS_LIST_LIMIT,
    bounded_chains,
    chain_views,
    flag_views,
    further_pages,
    warning_views,
)
from .entities import ACTORS, PLACES, EntityView, actor_views, place_views, places_map
from .highlight import Mark, marked_sentences, report_marks
from .feed import Publication
from .output import OutputTree, Pickled, Reuse
from .publish import PRINT_PAGE, publishing_pages

LATEST_EVENTS = 10

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|])")
_MD_LINE_START = re.compile(r"^(?:(?P<mark>[-+!])|(?P<number>\d+)(?P<dot>\.))")  # list, admonition, heading


def _md_inline(text: str) -> str:
    """Text Markdown shows as written inside a line (its spaces kept)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _line_start(text: str) -> str:
    """A line that Markdown would read as a list, a note or a heading, escaped."""
    return _MD_LINE_START.sub(lambda m: f"\\{m['mark']}" if m["mark"] else f"{m['number']}\\{m['dot']}", text)


def md_escape(text: str) -> str:
    """Text that Markdown shows exactly as written, on one line."""
    return _line_start(_md_inline(" ".join(text.split())))


_CODE_SPAN = re.compile(r"`([^`]+)`")
# Latin words, ids, numbers with their dots, colons and dashes: a run of them, across the
# spaces and commas between them (`Deir ez-Zor`, `ISO 8601`, `34.45, 40.92`).
_LTR_WORD = r"[A-Za-z0-9](?:[A-Za-z0-9_.:/+#@°'\-]*[A-Za-z0-9°/])?"
_LTR_RUN = re.compile(rf"{_LTR_WORD}(?:,? {_LTR_WORD})*")
_NEEDS_ISOLATION = re.compile(r"[A-Za-z]|\d, \d")  # digits alone read right in Arabic text


def mixed_escape(text: str) -> str:
    """Arabic text with Latin in it, for Markdown: each Latin run (an id, a name, coordinates)
    in a left-to-right `<bdi>`, so the bidirectional algorithm does not scramble it, and a
    `code` span of the data as code, not backticks."""
    text = " ".join(text.split())
    out = []
    for number, part in enumerate(_CODE_SPAN.split(text)):
        if number % 2:
            out.append(f'<code dir="ltr">{html_escape(part)}</code>')
            continue
        last = 0
        for run in _LTR_RUN.finditer(part):
            if _NEEDS_ISOLATION.search(run.group()):
                out += [_md_inline(part[last : run.start()]), f'<bdi dir="ltr">{_md_inline(run.group())}</bdi>']
                last = run.end()
        out.append(_md_inline(part[last:]))
    return _line_start("".join(out))


# "&" first: the other references start with one. str.replace is many times faster than
# str.translate on Arabic text, which looks every character up in a dict.
_HTML_SPECIAL = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;")) + tuple((c, f"&#{ord(c)};") for c in "()\\`")


def html_escape(text: str) -> str:
    """Text inert in HTML and in a Markdown link title, where a parenthesis or a backslash
    would end the link and a backtick start code: those become character references too."""
    for special, reference in _HTML_SPECIAL:
        if special in text:
            text = text.replace(special, reference)
    return text


# ---------------------------------------------------------------- view models


def site_url(target: str, anchor: str | None = None) -> str:
    """A page's URL from the site's root (`reports/x.md` -> `reports/x/`), for HTML blocks
    shown on several pages (they add the way to the root)."""
    return page_url(HOME, target, anchor).removeprefix("./")


def way_to_root(page: str) -> str:
    """What goes before a site_url on `page`: `../../` on `reports/x.md`, nothing on the home page."""
    return page_url(page, HOME).removeprefix("./")


@dataclass(frozen=True)
class SourceView:
    label: str  # outlet and publication date
    title: str
    page: str
    anchor: str
    text: str
    url: str  # site_url of the sentence
    cite: str  # the report's address: where it was published, else its page on this site (absolute)


@dataclass(frozen=True)
class EventView:
    anchor: str
    page: str  # the chronology page that lists it (its month, or a part of a split month)
    url: str  # site_url of the event on that page
    month: str  # YYYY-MM
    when: str  # its date as a reader reads it
    precision: str  # empty when precise to the day, the usual case
    basis: str  # how the date was found, empty when the event's own words give it
    type: str
    summary: str
    places: tuple[str, ...]
    actors: tuple[str, ...]
    figures: tuple[str, ...]  # its best figures (pages.FIGURE_LIMIT)
    sources: tuple[SourceView, ...]  # its first pages.SOURCE_LIMIT sources
    more_sources: str = ""  # "و N مصادر أخرى" when it has more
    sources_url: str = ""  # site_url of the listing of all its sources, when it has more


@dataclass(frozen=True)
class ListedSource:
    """A source on an event's sources page, with the figures its report gave the event."""

    source: SourceView
    figures: tuple[str, ...]


@dataclass(frozen=True)
class SourcesPageView:
    """One page of the listing of a merged event's sources (pages.SOURCES_PER_PAGE a page)."""

    title: str
    part: str  # "الصفحة 2 من 5"
    page: str
    event_page: str
    event_anchor: str
    first: int  # the number of its first source in the listing
    sources: tuple[ListedSource, ...]
    previous: str | None
    next: str | None


@dataclass(frozen=True)
class DayView:
    heading: str
    anchor: str
    events: tuple[EventView, ...]


@dataclass(frozen=True)
class PartView:
    """About a week of a split month, on a page of its own."""

    title: str
    page: str
    days: tuple[DayView, ...]
    count: int


@dataclass(frozen=True)
class MonthView:
    key: str  # YYYY-MM
    title: str
    page: str
    days: tuple[DayView, ...]  # on the month page: all days, or only events without a day when split
    count: int
    parts: tuple[PartView, ...] = ()  # the week pages of a split month

    @property
    def all_days(self) -> tuple[DayView, ...]:
        return self.days + tuple(day for part in self.parts for day in part.days)


@dataclass(frozen=True)
class ReportView:
    article: Article
    page: str
    title: str
    published: str | None
    published_source: str | None
    events: tuple[EventView, ...]
    warnings: tuple[str, ...]
    places: tuple[str, ...]  # named by its events, each once
    actors: tuple[str, ...]
    # filled only when the page is rendered (its article's body gives them), not for a page reused
    paragraphs: tuple[tuple[Sentence, ...], ...] = ()
    marked: dict[int, str] = field(default_factory=dict)  # sentence index -> HTML with dates and figures marked


@dataclass(frozen=True)
class ReportRow:
    """A report as a list of reports shows it."""

    published: str | None  # as a reader reads it
    outlet: str
    title: str
    page: str
    events: int


@dataclass(frozen=True)
class ReportsPageView:
    """A page of the reports published in one month (pages.REPORTS_PER_PAGE a page)."""

    key: str  # YYYY-MM
    title: str  # the month, and "(2/3)" when its reports are on several pages
    page: str
    rows: tuple[ReportRow, ...]

    @property
    def year(self) -> str:
        return self.key[:4]


@dataclass(frozen=True)
class UndatedPart:
    """A page of the reports and the events of unknown date (pages.undated_page)."""

    page: str
    reports: tuple[ReportView, ...]
    events: tuple[EventView | KeptView, ...]


def _undated_parts(
    reports: Sequence[ReportView], events: Sequence[tuple[Event, EventView | KeptView]], split: frozenset[str], limit: int
) -> tuple[UndatedPart, ...]:
    """The undated reports `limit` a page, beside the events of unknown date on the pages
    pages.split_months gave them; one page when there are none."""
    on_page: dict[str, list[EventView | KeptView]] = {}
    for event, view in events:
        on_page.setdefault(event_page(event, split), []).append(view)
    chunks = _chunks(reports, limit)
    count = max(1, len(chunks), len(on_page))
    return tuple(
        UndatedPart(undated_page(n), tuple(chunks[n - 1]) if n <= len(chunks) else (), tuple(on_page.get(undated_page(n), ())))
        for n in range(1, count + 1)
    )


def _chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    """`items` in pieces of `size`, the last one shorter."""
    return [items[start : start + size] for start in range(0, len(items), size)]


def report_rows(reports: Sequence[ReportView]) -> tuple[ReportRow, ...]:
    """The rows of a list of reports: only what it shows, so that a page of them is hashed
    (waqai.incremental.reuse) without the reports' text and events."""
    return tuple(ReportRow(r.published, r.article.outlet or "", r.title, r.page, len(r.events)) for r in reports)


def reports_pages(
    reports: Sequence[ReportView], published: Mapping[str, date | None], labels: Labels, limit: int = REPORTS_PER_PAGE
) -> tuple[ReportsPageView, ...]:
    """The pages of the reports of each month of publication, `limit` a page, when there are
    more than `limit` reports (in order of publication); none otherwise: the list of all
    reports holds them. A report without a known day of publication is on the undated page."""
    if len(reports) <= limit:
        return ()
    by_month: dict[str, list[ReportView]] = {}
    for report in reports:
        day = published[report.article.id]
        if day is not None:
            by_month.setdefault(f"{day:%Y-%m}", []).append(report)
    out = []
    for key, mine in by_month.items():
        chunks = _chunks(mine, limit)
        for number, chunk in enumerate(chunks, 1):
            part = f" ({number}/{len(chunks)})" if len(chunks) > 1 else ""
            out.append(ReportsPageView(key, labels.month(key) + part, reports_month_page(key, number), report_rows(chunk)))
    return tuple(out)


class KeptView:
    """An event's view as an earlier build kept it (pickled, with its hash: waqai.incremental.reuse),
    unpickled only when something reads it: a page rendered anew, an editor's flag.
    Grouping needs only its month, kept apart; a page's hash, the event's blocks and the
    pages kept from the last build need only its hash. Unpickling every event's view was
    the largest part of reading the kept pieces (a second at 10,000 reports)."""

    __slots__ = ("month", "_pickled", "_view")

    def __init__(self, pickled: bytes, month: str) -> None:
        self.month, self._pickled, self._view = month, pickled, None

    def __getattr__(self, name: str) -> Any:  # only for what the slots do not hold
        if self._view is None:
            self._view = pickle.loads(self._pickled)
        return getattr(self._view, name)


# Shown on many pages: when pages are checked for reuse (waqai.incremental.reuse), each is hashed once.
SHARED_INPUTS = (EventView, DayView, PartView, KeptView)


@dataclass(frozen=True)
class SiteView:
    """Everything the templates see, computed once."""

    months: tuple[MonthView, ...]
    reports: tuple[ReportView, ...]
    undated: tuple[ReportView, ...]
    latest: tuple[EventView, ...]
    event_count: int
    period: tuple[str, str] | None
    years: dict[str, tuple[MonthView, ...]]
    views: dict[str, EventView | KeptView] = field(default_factory=dict)  # by event id (place and actor pages)
    outlets: tuple[tuple[str, int], ...] = ()  # each outlet ("" for none) and its reports, by name
    undated_events: tuple[EventView, ...] = ()  # events of unknown date, report by report
    report_pages: tuple[ReportsPageView, ...] = ()  # the reports month by month, when too many for one list
    undated_parts: tuple[UndatedPart, ...] = ()  # the pages of the reports and events of unknown date


@dataclass(frozen=True)
class Names:
    """Arabic names of the gazetteer's places and actors, by id (the id itself when unknown)."""

    places: dict[str, str]
    actors: dict[str, str]

    @classmethod
    def of(cls, timeline: Timeline) -> Names:
        return cls({p.id: p.ar for p in timeline.places}, {a.id: a.ar for a in timeline.actors})


def _figure_text(labels: Labels, names: Names, figure: Figure, source: str | None) -> str:
    """`قتلى (الطرف): «النص كما ورد»`, naming the source when an event has several."""
    category = labels.label("figure_categories", figure.category)
    party = f" ({names.actors.get(figure.party, figure.party)})" if figure.party else ""
    said = f" بحسب {source}" if source else ""
    return f"{category}{party}: «{figure.text}»{said}"


def report_address(article: Article | None, article_id: str, address: str) -> str:
    """Where a reader finds a report: its own URL, else its page on this site (`address`: the
    site's, ending in /; none gives the page's path from the root)."""
    return (article.url if article and article.url else None) or address + site_url(report_page(article_id))


def _source_view(source: Source, labels: Labels, articles: dict[str, Article], address: str) -> SourceView:
    article = articles.get(source.article_id)
    outlet = source.outlet or (article.outlet if article else None) or source.article_id
    when = labels.date(source.published) if source.published else "تاريخ غير معروف"
    title = (article.title if article else None) or source.article_id
    page, anchor = report_page(source.article_id), sentence_anchor(source.sentence)
    cite = report_address(article, source.article_id, address)
    return SourceView(f"{outlet}، {when}", title, page, anchor, source.text, site_url(page, anchor), cite)


def _figure_value(figure: Figure) -> float:
    return figure.value if figure.value is not None else (figure.low or 0.0)


def best_figures(figures: Sequence[tuple[str, Figure]], limit: int = FIGURE_LIMIT) -> list[tuple[str, Figure]]:
    """An event's figures as its block shows them: all of them up to `limit`; past it, the
    highest of each kind (category, party, unit, period), as the latest revision of a running
    toll is the highest, in the order the kinds first appear, at most `limit`."""
    if len(figures) <= limit:
        return list(figures)
    best: dict[tuple, tuple[str, Figure]] = {}
    for article_id, figure in figures:
        kind = (figure.category, figure.party, figure.unit, figure.since)
        if kind not in best or _figure_value(figure) > _figure_value(best[kind][1]):
            best[kind] = (article_id, figure)
    return list(best.values())[:limit]


def _event_view(event: Event, labels: Labels, names: Names, articles: dict[str, Article], split: frozenset[str], address: str) -> EventView:
    sources = [_source_view(source, labels, articles, address) for source in event.sources[:SOURCE_LIMIT]]
    more = len(event.sources) - len(sources)
    by_report = {s.article_id: view.label for s, view in zip(event.sources, sources)}
    page, anchor = event_page(event, split), event_anchor(event)
    return EventView(
        anchor=anchor,
        page=page,
        url=site_url(page, anchor),
        month=event.month,
        when=labels.value(event.date) if event.date else labels.label("precisions", event.precision),
        precision="" if event.precision == "day" else labels.label("precisions", event.precision),
        basis="" if event.date_basis == "mention" else labels.label("date_bases", event.date_basis),
        type=labels.label("event_types", event.type),
        summary=event.summary,
        places=tuple(names.places.get(p, p) for p in event.places),
        actors=tuple(names.actors.get(a, a) for a in event.actors),
        figures=tuple(
            _figure_text(labels, names, f, by_report.get(a, a) if len(event.sources) > 1 else None) for a, f in best_figures(event.figures)
        ),
        sources=tuple(sources),
        more_sources=labels.more_sources(more) if more else "",
        sources_url=site_url(sources_page(event)) if more else "",
    )


def sources_pages(
    event: Event, view: EventView | KeptView, labels: Labels, names: Names, articles: dict[str, Article], address: str = ""
) -> list[SourcesPageView]:
    """The pages listing every source of an event with more than pages.SOURCE_LIMIT, each
    source with the figures its report gave (on its first source from that report)."""
    figures: dict[str, list[str]] = {}
    for article_id, figure in event.figures:
        figures.setdefault(article_id, []).append(_figure_text(labels, names, figure, None))
    listed, shown = [], set()
    for source in event.sources:
        said = () if source.article_id in shown else tuple(figures.get(source.article_id, ()))
        shown.add(source.article_id)
        listed.append(ListedSource(_source_view(source, labels, articles, address), said))
    count = -(-len(listed) // SOURCES_PER_PAGE)
    words = labels.event_sources
    title = words["page_title"].format(type=view.type, when=view.when)
    return [
        SourcesPageView(
            title=title,
            part=words["page_part"].format(number=number, pages=count),
            page=sources_page(event, number),
            event_page=view.page,
            event_anchor=view.anchor,
            first=(number - 1) * SOURCES_PER_PAGE + 1,
            sources=tuple(listed[(number - 1) * SOURCES_PER_PAGE : number * SOURCES_PER_PAGE]),
            previous=sources_page(event, number - 1) if number > 1 else None,
            next=sources_page(event, number + 1) if number < count else None,
        )
        for number in range(1, count + 1)
    ]


def _period(events: Sequence[Event], labels: Labels) -> tuple[str, str] | None:
    """The first and last dates of the chronology as a reader reads them: an event the text
    dates only to its month or year (`في نهاية العام 2017`) by that, not by its first day."""
    if not events:
        return None

    def shown(event: Event) -> str:
        return labels.date(event.day) if event.precision in DAY_PRECISIONS or not event.date else labels.value(event.date)

    return shown(min(events, key=lambda e: e.day)), shown(max(events, key=lambda e: e.day))


def _day_views(key: str, events: Sequence[tuple[Event, EventView]], labels: Labels) -> tuple[DayView, ...]:
    """Events under their day's heading; first those without a day, the year's (`في نهاية
    العام 2017`, on its first month's page) before the month's, each under a heading that
    says so (display.yaml `without_day`)."""
    days: dict[date, list[EventView]] = {}
    loose: dict[str, list[EventView]] = {}
    for event, view in events:
        if event.precision in DAY_PRECISIONS:
            days.setdefault(event.day, []).append(view)
        else:
            loose.setdefault("year" if event.precision == "year" else "month", []).append(view)
    out = [DayView(labels.label("without_day", kind), f"{kind}-{key}", tuple(loose[kind])) for kind in ("year", "month") if kind in loose]
    for day, views in sorted(days.items()):
        out.append(DayView(labels.date(day, weekday=True), f"day-{day.isoformat()}", tuple(views)))
    return tuple(out)


def _month_view(key: str, events: list[tuple[Event, EventView]], labels: Labels, split: frozenset[str]) -> MonthView:
    title = labels.month(key)
    if key not in split:
        return MonthView(key, title, month_page(key), _day_views(key, events, labels), len(events))
    home = month_page(key)
    undated: list[tuple[Event, EventView]] = []  # the events without a day its own page lists
    by_page: dict[tuple[int, str], list[tuple[Event, EventView]]] = {}  # (week, page) -> its events; week 0: no day
    for pair in events:
        where = event_page(pair[0], split)  # not the view's: a KeptView would be unpickled
        if where == home:
            undated.append(pair)
        else:
            by_page.setdefault((part_of(pair[0].day) if pair[0].precision in DAY_PRECISIONS else 0, where), []).append(pair)
    loose = [in_page for (week, _), in_page in by_page.items() if week == 0]
    parts = [
        PartView(f"{title}: {labels.label('precisions', 'month')} ({number}/{len(loose) + 1})", part_page(key, 0, number), _day_views(key, in_page, labels), len(in_page))
        for number, in_page in enumerate(loose, 2)
    ]
    for number, (first, last) in enumerate(PART_DAYS, 1):
        pages = [(page, in_page) for (week, page), in_page in by_page.items() if week == number]
        for count, (page, in_page) in enumerate(pages, 1):
            if len(pages) > 1:  # a busy week, on several pages: each says its days
                days = f"{in_page[0][0].day.day}-{in_page[-1][0].day.day} ({count}/{len(pages)})"
            else:
                days = f"{first}-{max(pair[0].day.day for pair in in_page) if number == len(PART_DAYS) else last}"
            parts.append(PartView(f"{title}: الأيام {days}", page, _day_views(key, in_page, labels), len(in_page)))
    return MonthView(key, title, home, _day_views(key, undated, labels), len(events), tuple(parts))


def _paragraphs(body: str) -> tuple[tuple[Sentence, ...], ...]:
    """Sentences grouped by the body's lines, so the report keeps its paragraphs."""
    paragraphs: list[list[Sentence]] = []
    line, position, last_line = 0, 0, -1
    for sentence in split_sentences(body):
        line += body.count("\n", position, sentence.start)
        position = sentence.start
        if line != last_line:
            paragraphs.append([])
            last_line = line
        paragraphs[-1].append(sentence)
    return tuple(tuple(p) for p in paragraphs)


def _report_view(article: Article, extraction: Extraction, events: list[tuple[Event, EventView]], labels: Labels, names: Names) -> ReportView:
    """The places and parties come from the events, named as their views name them: a
    view kept from an earlier build is not unpickled for them (KeptView)."""
    return ReportView(
        article=article,
        page=report_page(article.id),
        title=article.title or article.id,
        published=labels.date(extraction.published) if extraction.published else None,
        published_source=labels.label("published_sources", extraction.published_source) or None,
        events=tuple(view for _, view in events),
        warnings=tuple(w.message for w in extraction.warnings),
        places=tuple(dict.fromkeys(names.places.get(p, p) for e, _ in events for p in e.places)),
        actors=tuple(dict.fromkeys(names.actors.get(a, a) for e, _ in events for a in e.actors)),
    )


def _event_views(
    timeline: Timeline, labels: Labels, names: Names, articles: dict[str, Article], split: frozenset[str], reuse: Reuse | None,
    address: str,
) -> list[EventView | KeptView]:
    """Each event's view. With `reuse`, an event of the same origin (Timeline.origins), on a
    month split or not as before, whose reports have the titles and addresses they had, takes the view an
    earlier build made of it, and that view's hash: the rest of a view is made of the event,
    the gazetteer's names and the outlets, which its origin covers, and of the frame."""
    events = timeline.all_events()
    if reuse is None or len(timeline.origins) != len(events):
        return [_event_view(event, labels, names, articles, split, address) for event in events]
    views = []
    for event, origin in zip(events, timeline.origins):
        titles = "\0".join(
            [(getattr(articles.get(s.article_id), "title", None) or "") + "\1" + report_address(articles.get(s.article_id), s.article_id, address) for s in event.sources]
        )
        key = f"view:{origin}:{event_page(event, split)}:{hashlib.blake2b(titles.encode(), digest_size=8).hexdigest()}"
        found = reuse.known(key)
        if found is None:
            view = _event_view(event, labels, names, articles, split, address)
            reuse.keep(key, (Pickled(view), reuse.hash_of(view), view.month))  # read back as bytes: KeptView
        else:
            pickled, digest, month = found
            view = KeptView(pickled, month)
            reuse.adopt(view, digest)
        views.append(view)
    return views


def site_view(
    timeline: Timeline, articles: Sequence[Article], extractions: Sequence[Extraction], labels: Labels, split: frozenset[str],
    reuse: Reuse | None = None,
    address: str = "",
    report_limit: int = REPORTS_PER_PAGE,
) -> SiteView:
    """What the templates show; `split` names the months listed on week pages (pages.split_months);
    `reuse` keeps the events' views for the next build; `address` is the site's (site_url),
    which a source's citation gives when its report has no address of its own; past
    `report_limit` reports they are listed month by month (reports_pages), and the undated
    ones `report_limit` a page (_undated_parts)."""
    by_id = {a.id: a for a in articles}
    names = Names.of(timeline)
    every = list(zip(timeline.all_events(), _event_views(timeline, labels, names, by_id, split, reuse, address)))
    pairs, unknown = every[: len(timeline.events)], every[len(timeline.events) :]
    by_month: dict[str, list[tuple[Event, EventView]]] = {}
    for pair in pairs:
        by_month.setdefault(pair[1].month, []).append(pair)  # the view's: Event.month formats a date each time
    months = tuple(_month_view(key, by_month.get(key, []), labels, split) for key in timeline.months())
    per_report: dict[str, list[tuple[Event, EventView]]] = {}
    for pair in every:
        for article_id in dict.fromkeys(s.article_id for s in pair[0].sources):
            per_report.setdefault(article_id, []).append(pair)
    reports = [_report_view(a, x, per_report.get(a.id, []), labels, names) for a, x in zip(articles, extractions, strict=True)]
    published = {x.article_id: x.published for x in extractions}
    reports.sort(key=lambda r: (published[r.article.id] or date.max, r.article.id))
    undated = set(timeline.undated) | {i for i, d in published.items() if d is None}
    days = [d for d in published.values() if d]  # the chronology's period when no event is dated
    years: dict[str, list[MonthView]] = {}
    for month in months:
        years.setdefault(month.key[:4], []).append(month)
    undated_reports = tuple(r for r in reports if r.article.id in undated)
    return SiteView(
        months=months,
        reports=tuple(reports),
        undated=undated_reports,
        latest=tuple(view for _, view in reversed(pairs[-LATEST_EVENTS:])),
        event_count=len(pairs),
        period=_period(timeline.events, labels) or ((labels.date(min(days)), labels.date(max(days))) if days else None),
        years={y: tuple(ms) for y, ms in years.items()},
        views={event.id: view for event, view in every},
        outlets=tuple(sorted(Counter(r.article.outlet or "" for r in reports).items(), key=lambda item: (item[0].lower(), item[0]))),
        undated_events=tuple(view for _, view in unknown),
        report_pages=reports_pages(reports, published, labels, report_limit),
        undated_parts=_undated_parts(undated_reports, unknown, split, report_limit),
    )


# ------------------------------------------------------------------ templates


@jinja2.pass_context
def _link(context: Any, target: str, anchor: str | None = None) -> str:
    """A link from the page being rendered to `target` (a docs-relative .md path)."""
    here = posixpath.dirname(context["page_path"])
    url = relative_path(target, here or ".")
    return f"{url}#{anchor}" if anchor else url


@jinja2.pass_context
def _url(context: Any, target: str, anchor: str | None = None) -> str:
    """The URL of `target` (a docs-relative .md path) from the page being rendered, as the
    built site serves it: for raw HTML, which MkDocs does not rewrite."""
    return page_url(context["page_path"], target, anchor)


def _yaml_string(text: str) -> str:
    """A front matter value, HTML-escaped: MkDocs' theme templates print `title` without escaping."""
    return json.dumps(html_escape(" ".join(text.split())), ensure_ascii=False)


class EventHtml:
    """`event_html(macro, view)` in a template: the HTML of a macro of _macros.md.j2 for one
    event. Month, print, place and actor pages list the same events, so each is rendered
    once, with a mark where the way to the site's root goes (the only thing that differs
    between those pages), and each page puts its own way in place of the mark."""

    # Cannot come out of the macros otherwise: escaped text has no "<", and paths, anchors
    # and template text have no NUL.
    ROOT_MARK = "<\x00root\x00>"

    def __init__(self, env: jinja2.Environment, reuse: Reuse | None = None) -> None:
        self.env, self.reuse = env, reuse  # with `reuse`, blocks of the previous build are kept
        self.rendered: dict[tuple[str, int], tuple[Any, str]] = {}
        self.roots: dict[str, str] = {}  # page path -> the way to the site's root
        self.macros: Any = None  # _macros.md.j2's module, loaded on first use (a lookup checks the file)

    @jinja2.pass_context
    def __call__(self, context: Any, macro: str, view: EventView | KeptView) -> str:
        page = context["page_path"]
        root = self.roots.get(page)
        if root is None:
            root = self.roots[page] = way_to_root(page)
        key = (macro, id(view))  # not an attribute: a KeptView is not unpickled for it
        found = self.rendered.get(key)
        if found is None:
            render = partial(self._render, macro, view)
            # the view is held with its HTML, so that its id is not another view's meanwhile
            found = self.rendered[key] = (view, self.reuse.fragment(macro, view, render) if self.reuse else render())
        return found[1].replace(self.ROOT_MARK, root)

    def _render(self, macro: str, view: EventView) -> str:
        if self.macros is None:
            self.macros = self.env.get_template("_macros.md.j2").module
        return getattr(self.macros, macro)(view, self.ROOT_MARK)


def template_environment(templates: Path, labels: Labels, reuse: Reuse | None = None) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # Markdown, escaped explicitly with `md` and `html`
    )
    env.filters.update(md=md_escape, mixed=mixed_escape, html=html_escape, yaml_string=_yaml_string, arabic_date=labels.date, month_title=labels.month)
    env.globals.update(link=_link, url=_url, report_address=report_address, sentence_anchor=sentence_anchor, event_html=EventHtml(env, reuse))
    return env


def _render(env: jinja2.Environment, template: str, page_path: str, **context: Any) -> str:
    try:
        text = env.get_template(template).render(page_path=page_path, **context)
    except jinja2.TemplateSyntaxError as exc:
        raise ContentError(exc.filename or template, exc.lineno, f"template error: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise ContentError(*_template_position(exc, template), f"template error: {exc}") from None
    return western_digits(text)


def _template_position(exc: BaseException, template: str) -> tuple[str, int | None]:
    """File and line of the template frame that raised (Jinja rewrites tracebacks to them)."""
    tb, where = exc.__traceback__, (template, None)
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".j2"):
            where = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return where


def render_site(
    timeline: Timeline,
    articles: Sequence[Article],
    extractions: Sequence[Extraction],
    templates: Path,
    labels: Labels | None = None,
    previous_events: Sequence[Mapping[str, Any]] | None = None,
    month_limit: int = MONTH_PAGE_LIMIT,
    reuse: Reuse | None = None,
    entity_limit: int | None = None,
    print_limit: int | None = None,
    editors: bool = False,
    publication: Publication = Publication(),
    report_limit: int | None = None,
) -> OutputTree:
    """Every page of the site as {docs-relative path: Markdown}; `previous_events`
    (the last published events.json) feeds the "what changed" page; a month of more
    than `month_limit` events is split into week pages, and a place or actor named by more
    than `entity_limit` (entities.ENTITY_PAGE_LIMIT when None) into a page per month; past
    `print_limit` events the print page links the months' pages (publish.PRINT_PAGE_LIMIT
    when None). With `reuse`, the pages of one report, month, place or actor whose inputs
    did not change are the previous build's. The editors' page is made only with `editors`:
    it is for the people who check the extraction, not for the public site. The feed is
    written as `publication` says (the site's address, the build's day). Past `report_limit`
    reports (pages.REPORTS_PER_PAGE when None) the list of reports is a page per month of
    publication, `report_limit` a page, and the undated reports are listed `report_limit` a
    page, their events `month_limit`."""
    report_limit = REPORTS_PER_PAGE if report_limit is None else report_limit
    labels = labels or load_labels()
    env = template_environment(templates, labels, reuse)
    split = split_months(timeline.all_events(), month_limit)
    site = site_view(timeline, articles, extractions, labels, split, reuse, publication.site_url, report_limit)
    pages = OutputTree()
    common = {"site": site, "editors": editors, "address": publication.site_url}

    def own_page(template: str, path: str, render: Callable[[], str] | None = None, **context: Any) -> None:
        """A page made only of its own context (no `site`): reused when that did not change."""
        make = render or (lambda: _render(env, template, path, **context))
        pages.add(path, reuse.page(path, (template, context), make) if reuse else make())

    charts = home_charts(timeline, [HOME, PRINT_PAGE])
    pages.add(HOME, _render(env, "home.md.j2", HOME, charts=charts[HOME], **common))
    for month in site.months:
        own_page("month.md.j2", month.page, month=month)
        for number, part in enumerate(month.parts):
            neighbours = {"previous": month.parts[number - 1] if number else None, "next": month.parts[number + 1] if number + 1 < len(month.parts) else None}
            own_page("month_part.md.j2", part.page, month=month, part=part, **neighbours)
    pages.add(CHRONOLOGY, _render(env, "months.md.j2", CHRONOLOGY, **common))
    pages.add(REPORTS, _render(env, "reports.md.j2", REPORTS, rows=() if site.report_pages else report_rows(site.reports), **common))
    listings = site.report_pages
    for number, listing in enumerate(listings):
        neighbours = {"previous": listings[number - 1] if number else None, "next": listings[number + 1] if number + 1 < len(listings) else None}
        own_page("reports_month.md.j2", listing.page, listing=listing, **{k: v and replace(v, rows=()) for k, v in neighbours.items()})
    extraction_of = {x.article_id: x for x in extractions}
    events_of: dict[str, list[Event]] = {}  # each report's events, in timeline order: not all events per report
    for event in timeline.all_events():
        for article_id in dict.fromkeys(s.article_id for s in event.sources):
            events_of.setdefault(article_id, []).append(event)

    origin_of = dict(zip(map(id, timeline.all_events()), timeline.origins)) if timeline.origins else None

    def marks_of(report: ReportView, events: list[Event]) -> list[Mark]:
        root = way_to_root(report.page)  # then the event's URL, as the event macros link
        return report_marks(extraction_of[report.article.id], events, lambda e: root + site.views[e.id].url, labels)

    def render_report(report: ReportView, events: list[Event], marks: list[Mark] | None) -> str:
        marks = marks_of(report, events) if marks is None else marks
        paragraphs = _paragraphs(report.article.body)
        return _render(env, "report.md.j2", report.page, report=replace(report, paragraphs=paragraphs, marked=marked_sentences(paragraphs, marks)))

    for report in site.reports:
        events = events_of.get(report.article.id, [])
        # All the page shows is its view and its marks, made of its extraction (of its article,
        # in the view) and its events: their origins when known, else the marks themselves.
        if origin_of is not None:
            origins = tuple(origin_of[id(e)] for e in events)
            own_page("report.md.j2", report.page, partial(render_report, report, events, None), report=report, events=origins)
        else:
            marks = marks_of(report, events)
            own_page("report.md.j2", report.page, partial(render_report, report, events, marks), report=report, marks=marks)
    _undated_pages(env, pages, site, common)
    pages.add(METHODOLOGY, _render(env, "methodology.md.j2", METHODOLOGY, types=type_rows(labels), **common))
    if editors:
        _editors_page(env, pages, timeline, articles, extractions, labels, site, reuse, common)
    pages.add(ABOUT, _render(env, "about.md.j2", ABOUT, **common))
    render_entities(env, pages, timeline, site, common, own_page, reuse, entity_limit)
    names, by_id = Names.of(timeline), {a.id: a for a in articles}
    for event in timeline.all_events():
        if len(event.sources) > SOURCE_LIMIT:
            for listing in sources_pages(event, site.views[event.id], labels, names, by_id, publication.site_url):
                own_page("event_sources.md.j2", listing.page, listing=listing, words=labels.event_sources)

    def render_page(template: str, path: str, **context: Any) -> str:
        return _render(env, template, path, **context, **common)

    pages.update(publishing_pages(render_page, timeline, labels, charts[PRINT_PAGE], previous_events, split, print_limit, publication))
    return pages


def _undated_pages(env: jinja2.Environment, pages: OutputTree, site: SiteView, common: Mapping[str, Any]) -> None:
    """The pages of the reports and events of unknown date (SiteView.undated_parts), each linking its neighbours."""
    parts = site.undated_parts
    for number, part in enumerate(parts, 1):
        pages.add(
            part.page,
            _render(
                env, "undated.md.j2", part.page,
                part=part, number=number, count=len(parts),
                previous=parts[number - 2].page if number > 1 else None,
                next=parts[number].page if number < len(parts) else None,
                **common,
            ),
        )  # fmt: skip


def _editors_page(
    env: jinja2.Environment, pages: OutputTree, timeline: Timeline, articles: Sequence[Article], extractions: Sequence[Extraction],
    labels: Labels, site: SiteView, reuse: Reuse | None, common: Mapping[str, Any],
) -> None:
    """The editors' page: extraction warnings, series flags and toll chains."""
    words = load_words()
    # A flag's item is kept like an event's block: at 10,000 reports there are 20,000 flags,
    # whose events' views were unpickled to write them again with every report.
    all_flags = flag_views(timeline.flags, site.views, words)
    flags = [(flag, partial(flag.item_html, EDITORS)) for flag in all_flags[:EDITORS_LIST_LIMIT]]
    editor_words = labels.editor_pages
    chains, further = bounded_chains(chain_views(timeline, labels, words), editor_words)

    def flag_item(index: int, here: str) -> str:
        """A flag of a further page, kept like those of the editors' page (by page: its links are relative)."""
        item = partial(all_flags[index].item_html, here)
        return reuse.fragment(f"flag {here}", all_flags[index], item) if reuse else item()

    flag_pages = further_pages("flags", editor_words["flags_title"], len(all_flags), flag_item, table=False)
    flags_more = (editor_words["more_flags"].format(count=len(all_flags) - len(flags)), flag_pages[0].page) if flag_pages else None
    pages.add(
        EDITORS,
        _render(
            env, "editors.md.j2", EDITORS,
            warnings=warning_views(articles, extractions, labels),
            flags=[reuse.fragment("flag", flag, item) if reuse else item() for flag, item in flags],
            flags_more=flags_more,
            flag_count=len(all_flags),
            chains=chains,
            editor_words=editor_words,
            **common,
        ),
    )  # fmt: skip
    for part in flag_pages + further:
        pages.add(part.page, _render(env, "editors_part.md.j2", part.page, part=part, words=editor_words))


def render_entities(
    env: jinja2.Environment, pages: OutputTree, timeline: Timeline, site: SiteView, common: dict,
    own_page: Callable[..., None], reuse: Reuse | None, limit: int | None = None,
) -> None:
    """Place and actor pages (each through `own_page`, render_site's) with their pages per
    month past `limit` events (entities.ENTITY_PAGE_LIMIT when None), the data downloads
    and their schema page (issue 5); `reuse` keeps the downloads' lines for the next build."""
    limit = entities.ENTITY_PAGE_LIMIT if limit is None else limit
    places = place_views(timeline, site.views, page_url, limit, reuse)
    pages.add(PLACES, _render(env, "places.md.j2", PLACES, places=places, places_map=places_map(timeline, site.views, page_url), **common))
    for place in places:
        _entity_pages("place.md.j2", "place", place, own_page)
    actors = actor_views(timeline, site.views, limit)
    pages.add(ACTORS, _render(env, "actors.md.j2", ACTORS, actors=actors, **common))
    for actor in actors:
        _entity_pages("actor.md.j2", "actor", actor, own_page)
    pages.update(download_files(timeline, pieces=reuse))
    pages.add(DOWNLOADS, _render(env, "downloads.md.j2", DOWNLOADS, downloads=download_views(), flags=timeline.flags, **common))


def _entity_pages(template: str, name: str, entity: EntityView, own_page: Callable[..., None]) -> None:
    """The page of a place or an actor (`template`, which calls it `name`) and its pages per
    month, each month given its neighbours without their events (EntityView.listing)."""
    listed = entity.listing()
    own_page(template, entity.page, **{name: listed})
    for number, month in enumerate(entity.months):
        previous = listed.months[number - 1] if number else None
        following = listed.months[number + 1] if number + 1 < len(listed.months) else None
        own_page("entity_month.md.j2", month.page, month=month, previous=previous, next=following)


def site_nav(labels: Labels, editors: bool = False) -> list[Any]:
    """MkDocs nav, its titles from display.yaml's `nav`. The months are listed on the
    chronology page, not here: Material writes the whole nav into every page, and a nav
    that grew with each month made every page slower to build and every new month a
    rebuild of the whole site. The editors' page is listed only when it is built (`editors`)."""
    name = labels.nav
    changes = {name["changes"]: CHANGES_PAGE}
    return [
        {name["home"]: HOME},
        {name["chronology"]: CHRONOLOGY},
        {name["reports"]: [{name["all_reports"]: REPORTS}, {name["undated"]: UNDATED}]},
        {name["places"]: PLACES},
        {name["actors"]: ACTORS},
        {name["methodology"]: METHODOLOGY},
        *([{name["editors"]: [{name["flags"]: EDITORS}, changes]}] if editors else [changes]),
        {name["print"]: PRINT_PAGE},
        {name["about"]: ABOUT},
        {name["downloads"]: DOWNLOADS},
    ]
