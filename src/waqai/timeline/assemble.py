"""The timeline stage: extractions of all reports -> one chronology.

Each report is cut into sentences and clauses; a clause that tells a happening
becomes an event (events.py) with its places and actors (gazetteer.py); the
same happening told by several reports becomes one entry (merge.py); the
charts' series and the editor's flags are computed last (series.py).
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import groupby
from operator import attrgetter
from pathlib import Path

from ..extract.gazetteer import Gazetteer, load_gazetteer
from ..records import Article, Event, Extraction, Timeline
from .happenings import article_events
from .memo import ReportMemo, TimelineCaches
from .merge import merge_events, merge_near, merge_with_plan, replay
from .series import build_series


def content_dir_of(articles: Sequence[Article]) -> Path | None:
    """The content folder the articles were read from (content/articles/x.md -> content/)."""
    return articles[0].path.parent.parent if articles else None


# Each report's own events (article_events), in the order of its (article, extraction) pairs:
# the caller may cut them in other processes (waqai.build does, at thousands of reports).
EventsOf = Callable[[Sequence[tuple[Article, Extraction]], Gazetteer], Iterable[list[Event]]]


def report_events(pairs: Sequence[tuple[Article, Extraction]], gazetteer: Gazetteer) -> list[list[Event]]:
    """Each report's own events, here, one report after another."""
    return [article_events(article, extraction, gazetteer) for article, extraction in pairs]


def build_timeline(
    articles: Sequence[Article], extractions: Sequence[Extraction], gazetteer: Gazetteer | None = None,
    caches: TimelineCaches | None = None, events_of: EventsOf = report_events,
) -> Timeline:
    """The chronology of all reports; the gazetteer defaults to the one beside the articles.
    With caches, what was derived from reports that did not change (their events, the
    merge of a day whose events did not change, what the charts read) is read back.
    `events_of` cuts the other reports into their events (report_events, or in parallel)."""
    if gazetteer is None:
        folder = content_dir_of(articles)
        gazetteer = load_gazetteer(folder) if folder else Gazetteer.of((), ())
    keys = [caches.events.key(article) for article in articles] if caches else [""] * len(articles)
    known = [caches.events.lookup(key) for key in keys] if caches else [None] * len(articles)
    missing = [(article, ex) for article, ex, found in zip(articles, extractions, known, strict=True) if found is None]
    made = iter(events_of(missing, gazetteer))
    events = []
    origins: dict[int, str] = {}  # id(event) -> its report's cache key and its place among the report's events
    for key, found in zip(keys, known):
        if found is None:
            found = next(made)
            if caches:
                caches.events.keep(key, found)
        if caches:
            origins.update((id(event), f"{key}:{n}") for n, event in enumerate(found))
        events += found
    if caches:
        caches.events.save()
    # an event of unknown date is not merged with another: nothing says they fell on one day
    unknown = tuple(e for e in events if e.day is None)
    events = [e for e in events if e.day is not None]
    events.sort(key=lambda e: (e.day, e.sources[0].published or e.day, e.sources[0].article_id, e.sources[0].start))
    merged, merged_origins = merge_by_day(events, origins, caches.merges) if caches else (tuple(merge_events(events)), ())
    merged, merged_origins = merge_near(merged, merged_origins)
    series = build_series(merged, articles, extractions, gazetteer, caches.readings if caches else None, merged_origins)
    undated = tuple(ex.article_id for ex in extractions if ex.published is None)
    if caches:  # Timeline.origins covers all_events(): an undated event's origin is its own
        merged_origins += tuple(f"{caches.merges.path.stem}:{hashlib.sha256(origins[id(e)].encode()).hexdigest()}" for e in unknown)
    return Timeline(merged, undated, gazetteer.places, gazetteer.actors, series, series.flags, merged_origins, unknown)


def merge_by_day(events: Sequence[Event], origins: Mapping[int, str], plans: ReportMemo) -> tuple[tuple[Event, ...], tuple[str, ...]]:
    """merge_events(events), `events` in date order, a day at a time: only events of one day
    can be one happening (same_happening), so a day whose events all come, unchanged, from
    the same reports as in the last build is merged by the plan kept then (`origins`:
    id(event) -> where it came from, see build_timeline). Each entry comes with its origin
    (Timeline.origins): where the events it combines came from, in the order combined, and
    the version of the plans (the code and gazetteer that made the events and merged them).
    An entry is made of its events alone, so a report added on its day changes the origin
    of the entries it joins, not of the others."""
    out: list[Event] = []
    out_origins: list[str] = []
    for _, day in groupby(events, key=attrgetter("day")):
        day_events = list(day)
        key = hashlib.sha256("\0".join(origins[id(e)] for e in day_events).encode()).hexdigest()
        plan = plans.lookup(key)
        if plan is None:
            merged, plan = merge_with_plan(day_events)
            plans.keep(key, plan)
        else:
            merged = replay(day_events, plan)
        out += merged
        for positions in plan:
            combined = "\0".join(origins[id(day_events[p])] for p in positions)
            out_origins.append(f"{plans.path.stem}:{hashlib.sha256(combined.encode()).hexdigest()}")
    plans.save()
    return tuple(out), tuple(out_origins)
