"""Plain typed records passed between the pipeline stages.

content -> extract -> timeline -> render: each stage takes and returns these
records, so every stage can be tested alone. Offsets are Python string indices
into an article's body (the text after its front matter). The records a corpus has
hundreds of thousands of (sources, figures, date mentions) have slots: an instance
read back from a pickle (a worker's result, the cache) otherwise carries a dict of
its fields, 288 bytes for a Source.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Article:
    """One report as an editor wrote it under content/articles/."""

    id: str
    path: Path
    body: str
    body_line: int  # 1-based line of the file where the body starts
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_basis: str | None = None
    language: str = "ar"


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression found in a body and its normalized value.

    `value` is ISO 8601 / TIMEX3 style: "2019-02-09", "2019-02", "2019",
    "2019-01-23/2019-01-24", "2019-02-02T23:30", or None for a vague
    expression that names no date ("الساعات الأخيرة").
    """

    start: int
    end: int
    text: str
    value: str | None
    precision: str  # "minute" | "day" | "range" | "month" | "year" | "none"
    kind: str  # e.g. "explicit", "relative", "weekday", "since", "duration", "vague", "hijri"
    anchor: str | None = None  # what it was resolved against, e.g. "published:2019-02-10"
    since: bool = False  # the start of a period ("منذ ...")

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Figure:
    """A number the text reports: a toll, an area, a count of people or things."""

    start: int
    end: int
    text: str
    value: float | None  # None for a vague count ("عشرات") that only has a lower bound
    category: str  # killed, wounded, executed, arrested, kidnapped, exits, displaced, territory, ...
    qualifier: str  # exact | approx | more_than | less_than | at_least | at_most | vague
    unit: str = "person"
    party: str | None = None
    low: float | None = None
    high: float | None = None
    since: str | None = None  # ISO start of a cumulative period ("منذ الـ 10 من أيلول")
    as_of: str | None = None  # ISO date the cumulative toll was reported for
    parts: tuple[int, ...] = ()  # indices (in the figure list) of a breakdown's parts

    def to_json(self) -> dict:
        # every field is a plain value: no need for asdict's deep copy, a cost at thousands of figures
        d = {name: getattr(self, name) for name in _FIGURE_FIELDS}
        d["parts"] = list(self.parts)
        return d


_FIGURE_FIELDS = tuple(f.name for f in fields(Figure))


@dataclass(frozen=True, slots=True)
class Warning:
    """Something an editor should look at: an inconsistency in the source or the data."""

    code: str  # e.g. "weekday-year-mismatch"
    message: str
    start: int | None = None
    end: int | None = None

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article_id: str
    published: date | None
    published_source: str | None  # "front_matter" | "inferred" | None
    published_evidence: str | None
    dates: tuple[DateMention, ...] = ()
    figures: tuple[Figure, ...] = ()
    warnings: tuple[Warning, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Source:
    """Where an event's claim comes from: one report and a span of its body."""

    article_id: str
    outlet: str | None
    published: date | None
    start: int
    end: int
    sentence: int  # index of the sentence in the report (anchor `s{n}` on its page)
    text: str  # the clause or sentence the event was read from
    aside: bool = False  # it tells an earlier happening inside another's clause (timeline.events._told_apart): the text does not move to its place


@dataclass(frozen=True)
class Event:
    """One dated happening on the timeline, with every report that tells it."""

    id: str  # stable across builds: derived from its report and its anchoring text
    date: str | None  # ISO / TIMEX3 value of its date ("2019-02-09", "2019-01-23/2019-01-24", "2019-02"); None: unknown
    day: date | None  # first day it covers, for sorting and grouping by month; None when the date is unknown
    precision: str  # as DateMention.precision, or "unknown"
    type: str  # battle, shelling, attack, advance, toll, execution, exit, arrest, negotiation, reinforcement, other
    summary: str
    sources: tuple[Source, ...]
    places: tuple[str, ...] = ()  # gazetteer ids
    actors: tuple[str, ...] = ()  # party ids
    figures: tuple[tuple[str, Figure], ...] = ()  # (article id, figure) pairs
    date_basis: str = "mention"  # "mention" (its own) | "bulletin" (its dispatch's) | "published" (the report's) | "unknown"
    reported: str | None = None  # date of the dispatch that tells it, when its opening words give one

    @cached_property  # read several times per event per page; not a field, so not in equality or JSON
    def month(self) -> str:
        """"YYYY-MM" as ISO dates write it (a third of strftime's cost); "" when the date is unknown."""
        return f"{self.day.year:04d}-{self.day.month:02d}" if self.day else ""


@dataclass(frozen=True)
class Place:
    """A gazetteer entry (content/places.yaml); coordinates are approximate."""

    id: str
    ar: str
    latin: str
    kind: str  # city, town, village, area, camp, oil_field, airport, region, province
    district: str
    lat: float
    lon: float
    variants: tuple[str, ...] = ()
    common_word: bool = False  # listed, but not matched in running text


@dataclass(frozen=True)
class Actor:
    """A party to events (content/actors.yaml), with the aliases it is found by."""

    id: str
    ar: str
    en: str
    about: str = ""
    aliases: tuple[str, ...] = ()
    side: str = ""  # the side it fights on: parties of one side are not each other's opponents


@dataclass(frozen=True)
class Flag:
    """Something in the series an editor should check (a toll going down, an area growing)."""

    code: str  # "toll-down" | "area-up"
    message: str
    key: str  # the chain it belongs to, e.g. "killed:isis:2018-09-10" or "territory:east_euphrates"
    event_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Timeline:
    """All events across reports, in date order, plus what the pages need beside them."""

    events: tuple[Event, ...]  # the dated ones, in date order
    undated: tuple[str, ...] = ()  # ids of reports with no known publication date
    places: tuple[Place, ...] = ()  # the gazetteer (all places, named or not)
    actors: tuple[Actor, ...] = ()
    series: Any = None  # series.ChartSeries: the pandas frames behind the charts
    flags: tuple[Flag, ...] = ()
    # per event, a key of all it is made of (its day's reports, the code and gazetteer that
    # cut and merged them): the same key in another build means the same event. Empty when
    # the timeline was built without caches (waqai.timeline.assemble.merge_by_day).
    origins: tuple[str, ...] = ()
    # events whose date neither the report nor its text gives (rule: nothing a report tells
    # is dropped): listed on the undated page and in the data files, not on a month's page
    undated_events: tuple[Event, ...] = ()

    def all_events(self) -> tuple[Event, ...]:
        """The dated events, then the undated ones: what the data files hold."""
        return self.events + self.undated_events

    def months(self) -> dict[str, list[Event]]:
        """Events grouped by month ("2019-02"), months in order."""
        out: dict[str, list[Event]] = {}
        for event in self.events:
            out.setdefault(event.month, []).append(event)
        return dict(sorted(out.items()))
