"""The series behind the charts: territory, cumulative tolls, exits, with their sources.

Built with pandas from the timeline's events, one row per figure and report.
Qualifiers stay visible: `أقل من 3` has a high of 3 and no best value, so a
chart draws it as a bound, not as a point at 3 (low/best/high as in UCDP).
SOHR revises its cumulative tolls report after report; each chain of values is
kept with its sources, and a toll that goes down, or an area that grows with no
reported advance of the Islamic State, is flagged for the editor.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from ..extract.figures.finder import bounds as qualifier_bounds
from ..extract.gazetteer import Gazetteer, Match
from ..extract.sentences import split_sentences
from ..extract.temporal.resolve import first_day
from ..records import Article, Event, Extraction, Figure, Flag
from .events import load_type_rules, running
from .memo import ReportMemo

COLUMNS = [
    "date", "category", "cumulative", "party", "pocket", "since", "value", "low", "best", "high", "plotted", "qualifier",
    "unit", "text", "article_id", "outlet", "published", "sentence", "event_id", "date_basis",
]  # fmt: skip
IS_PARTY = "isis"


NO_BEST = {"more_than", "less_than", "vague"}  # the text gives a bound, not a value


def bounds(fig: Figure) -> tuple[float | None, float | None, float | None]:
    """(low, best, high) of a figure: the extractor's bounds where it gave them, else
    those its qualifier implies (figures.finder.bounds, the one table of them)."""
    low, high = qualifier_bounds(fig.value, fig.qualifier, fig.value)
    best = None if fig.qualifier in NO_BEST else fig.value
    return (fig.low if fig.low is not None else low), best, (fig.high if fig.high is not None else high)


def plotted(low: float | None, best: float | None, high: float | None) -> float | None:
    """The y a chart draws: the best value, else the bound the text gives."""
    return best if best is not None else (high if high is not None else low)


def region_matches(gazetteer: Gazetteer, body: str) -> list[Match]:
    """The regions (pockets: "شرق الفرات", "البادية") a report names, read once per report."""
    regions = {p.id for p in gazetteer.places if p.kind == "region"}
    return [m for m in gazetteer.place_index.find(body) if m.id in regions]


def pocket_of(regions: Sequence[Match], sentence: tuple[int, int], offset: int) -> str | None:
    """The region (pocket) a territory figure is about: the nearest one named in its sentence,
    else in its report (`regions`: region_matches of the report)."""

    def nearest(found: Sequence[Match]) -> str | None:
        return min(found, key=lambda m: min(abs(m.start - offset), abs(m.end - offset))).id if found else None

    start, end = sentence
    return nearest([m for m in regions if start <= m.start and m.end <= end]) or nearest(regions)


def sentence_around(sentences: Sequence[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The (start, end) of the sentence holding `offset`: a happening gathers several
    sentences of its report, so its first source's sentence need not be the figure's."""
    index = max(0, bisect_right([start for start, _ in sentences], offset) - 1)
    return sentences[index]


def figure_date(event: Event, fig: Figure, cumulative: bool) -> str:
    """When a figure held: a cumulative toll as of its dispatch, else the event's date.

    A dispatch's own date (`ونشر المرصد أمس`) beats the date of a happening told
    before the toll in the same dispatch; the extractor's `as_of` (often the
    publication date) is used only when the text dates neither.
    """
    if cumulative:
        return event.reported or (event.date if event.date_basis != "published" else fig.as_of or event.date)
    return event.date


@dataclass
class ReportReadings:
    """What figure_rows reads from one report's text, each part when a figure first needs it;
    kept between builds (waqai.timeline.memo.TimelineCaches), as reading it was most of the timeline."""

    regions: list[Match] | None = None  # region_matches of the body
    sentences: list[tuple[int, int]] | None = None  # the spans of its sentences
    tolls: dict[int, bool] = field(default_factory=dict)  # a clause's start -> whether it uses a toll word


def figure_rows(
    events: Sequence[Event], articles: Sequence[Article], extractions: Sequence[Extraction], gazetteer: Gazetteer,
    cache: ReportMemo | None = None, origins: Sequence[str] = (),
) -> pd.DataFrame:
    """One row per figure told in an event, with its report and reading (see COLUMNS);
    with a cache, the readings of reports read in an earlier build are read back, and so
    are the rows of an event whose origin (Timeline.origins, given as `origins`) is known."""
    by_id = {a.id: a for a in articles}
    parts = {(ex.article_id, ex.figures[i].start) for ex in extractions for f in ex.figures for i in f.parts if i < len(ex.figures)}
    toll_words = load_type_rules().keywords
    readings: dict[str, ReportReadings] = {}
    grown: set[str] = set()  # reports whose readings were added to in this build
    touched: set[str] = set()  # reports whose readings this build kept without reading them

    def reading(article_id: str) -> ReportReadings:
        found = readings.get(article_id)
        if found is None:
            found = readings[article_id] = (cache.get(by_id[article_id]) if cache else None) or ReportReadings()
        return found

    def rows_of(event: Event) -> tuple[tuple, ...]:
        """The event's rows, each in the order of COLUMNS, then `is_part` and `yearly`."""
        rows = []
        for article_id, fig in event.figures:
            source = next(s for s in event.sources if s.article_id == article_id)
            low, best, high = bounds(fig)
            pocket = None
            known = reading(article_id)
            if fig.category == "territory":
                if known.regions is None:
                    body = by_id[article_id].body
                    known.regions, known.sentences = region_matches(gazetteer, body), [(s.start, s.end) for s in split_sentences(body)]
                    grown.add(article_id)
                pocket = pocket_of(known.regions, sentence_around(known.sentences, fig.start), fig.start)
            if fig.category == "killed" and source.start not in known.tolls:  # once per clause, not per figure
                known.tolls[source.start] = "toll_report" in toll_words.ids(source.text)
                grown.add(article_id)
            cumulative = fig.category == "killed" and (known.tolls[source.start] or running(fig, event.date))
            when = figure_date(event, fig, cumulative)
            rows.append((
                pd.Timestamp(first_day(when)), fig.category, cumulative, fig.party, pocket,
                fig.since, fig.value, low, best, high, plotted(low, best, high), fig.qualifier, fig.unit, fig.text,
                article_id, source.outlet, source.published, source.sentence, event.id, event.date_basis,
                (article_id, fig.start) in parts, when.isdigit(),
            ))  # fmt: skip
        return tuple(rows)

    keys = [f"rows:{origin}" for origin in origins] if cache and len(origins) == len(events) else None
    rows: list[tuple] = []
    for n, event in enumerate(events):
        if not event.figures:
            continue
        found = cache.lookup(keys[n]) if keys else None
        if found is None:
            found = rows_of(event)
            if keys:
                cache.keep(keys[n], found)
        elif cache:  # its reports' readings are read again when the event changes: kept
            for article_id, _ in event.figures:
                if article_id not in touched:
                    touched.add(article_id)
                    cache.touch(by_id[article_id])
        rows += found
    if cache:
        for article_id in grown:
            cache.put(by_id[article_id], readings[article_id])
        cache.save()
    frame = pd.DataFrame(rows, columns=COLUMNS + ["is_part", "yearly"])
    return frame.sort_values(["date", "article_id"], kind="stable")


@dataclass(frozen=True)
class ChartSeries:
    """The frames the charts draw, and what an editor should check in them."""

    figures: pd.DataFrame  # every figure (figures.csv)
    territory: pd.DataFrame  # Islamic State territory in km2, by pocket
    tolls: pd.DataFrame  # cumulative death tolls by party and `since`, all of them (the editors' page)
    exits: pd.DataFrame  # people leaving the pocket
    toll_lines: pd.DataFrame  # the tolls a chart's lines join (line_tolls)
    flags: tuple[Flag, ...] = field(default=())


def chain_key(party: object, since: object) -> str:
    """The chain a cumulative toll belongs to: `killed:<party>:<since>` (as in acknowledged.yaml)."""
    party, since = ("?" if pd.isna(v) or not v else v for v in (party, since))  # NaN is truthy
    return f"killed:{party}:{since}"


def toll_chains(tolls: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """Each cumulative toll's reported values in date order, by chain key (the editors' page, the flags)."""
    if not len(tolls):
        return []
    keys = [chain_key(party, since) for party, since in zip(tolls["party"], tolls["since"])]
    keyed = tolls.assign(key=keys)
    return [(str(key), chain.sort_values("date", kind="stable").drop(columns="key")) for key, chain in keyed.groupby("key", sort=True)]


def decreases(chain: pd.DataFrame) -> list[tuple[int, int]]:
    """(position of the highest earlier value, position of a later, lower one) in a date-ordered chain."""
    values, days = chain["plotted"].tolist(), chain["date"].tolist()  # plain lists: no pandas lookup per row
    out, peak = [], None
    for position, (value, day) in enumerate(zip(values, days)):
        if peak is not None and value < values[peak] and day > days[peak]:
            out.append((peak, position))
        if peak is None or value >= values[peak]:
            peak = position
    return out


def line_tolls(tolls: pd.DataFrame) -> pd.DataFrame:
    """The cumulative tolls a chart joins into lines: those of a known party (a line is one
    party's count over one period), less each one below an earlier total of its chain,
    which toll_flags puts before the editor instead (a daily count read as a total)."""
    fallen = [chain.index[after] for _, chain in toll_chains(tolls) for _, after in decreases(chain)]
    return tolls.drop(index=fallen)[lambda frame: frame["party"].notna()]


def toll_flags(tolls: pd.DataFrame) -> list[Flag]:
    """A cumulative toll reported lower on a later day than before, in the same chain (party, since)."""
    flags = []
    for key, chain in toll_chains(tolls):
        plotted, days, reports, events = (chain[c].tolist() for c in ("plotted", "date", "article_id", "event_id"))
        for before, after in decreases(chain):
            flags.append(
                Flag(
                    "toll-down",
                    f"{key}: {plotted[after]:g} on {days[after]:%Y-%m-%d} ({reports[after]}) is below "
                    f"{plotted[before]:g} on {days[before]:%Y-%m-%d} ({reports[before]})",
                    key,
                    (events[before], events[after]),
                )
            )
    return flags


def area_flags(territory: pd.DataFrame, events: Sequence[Event]) -> list[Flag]:
    """An Islamic State area that grows from one day to a later one with no IS advance reported
    in between. A day is its smallest figure: reports of one day come in no known order
    (a morning bulletin quoted beside the evening's headline), so they show no growth."""
    advances = sorted(e.day for e in events if e.type == "advance" and IS_PARTY in e.actors[:1])
    flags = []
    for pocket, chain in territory.groupby("pocket", sort=True, dropna=False):
        previous = None
        days = chain.sort_values(["date", "plotted"], kind="stable").drop_duplicates("date")
        for _, row in days.iterrows():
            if previous is not None and row["plotted"] > previous["plotted"]:
                start, end = previous["date"].date(), row["date"].date()
                if bisect_right(advances, end) <= bisect_right(advances, start):  # no advance in (start, end]
                    key = f"territory:{pocket}"
                    flags.append(
                        Flag(
                            "area-up",
                            f"{key}: {row['plotted']:g} km2 on {end} ({row['article_id']}) after "
                            f"{previous['plotted']:g} km2 on {start} ({previous['article_id']}), no advance reported",
                            key,
                            (previous["event_id"], row["event_id"]),
                        )
                    )
            previous = row
    return flags


def build_series(
    events: Sequence[Event], articles: Sequence[Article], extractions: Sequence[Extraction], gazetteer: Gazetteer,
    cache: ReportMemo | None = None, origins: Sequence[str] = (),
) -> ChartSeries:
    """The chart frames of a timeline (events already merged); `cache` and `origins` as for figure_rows."""
    rows = figure_rows(events, articles, extractions, gazetteer, cache, origins)
    # A report that repeats a figure in one event ("أقل من 3 كلم" in its lead and again below) gives one point.
    # a figure of a year (`في نهاية العام 2017`) has no point on a chart's days: not its first day
    top = rows[~(rows["is_part"].astype(bool) | rows["yearly"].astype(bool))].drop_duplicates(["event_id", "category", "party", "pocket", "since", "value", "qualifier"])
    territory = top[(top["category"] == "territory") & (top["party"].isin([IS_PARTY]) | top["party"].isna())]
    tolls = top[top["cumulative"].astype(bool)]
    exits = top[(top["category"] == "exits") & (top["unit"] == "person")]
    flags = tuple(toll_flags(tolls) + area_flags(territory, events))
    hidden = ["is_part", "yearly"]
    tolls = tolls.drop(columns=hidden)
    return ChartSeries(rows.drop(columns=hidden), territory.drop(columns=hidden), tolls, exits.drop(columns=hidden), line_tolls(tolls), flags)

