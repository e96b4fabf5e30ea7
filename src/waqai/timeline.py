"""The timeline stage: extractions of all reports -> one chronology.

Each report is cut into sentences and clauses; a clause that tells a happening
becomes an event (events.py) with its places and actors (gazetteer.py); the
same happening told by several reports becomes one entry (merge.py); the
charts' series and the editor's flags are computed last (series.py).
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .cache import ReportCache
from .events import article_events
from .gazetteer import Gazetteer, load_gazetteer
from .merge import merge_events
from .records import Article, Extraction, Timeline
from .series import build_series


def content_dir_of(articles: Sequence[Article]) -> Path | None:
    """The content folder the articles were read from (content/articles/x.md -> content/)."""
    return articles[0].path.parent.parent if articles else None


def build_timeline(
    articles: Sequence[Article], extractions: Sequence[Extraction], gazetteer: Gazetteer | None = None,
    cache: ReportCache | None = None,
    readings: ReportCache | None = None,
) -> Timeline:
    """The chronology of all reports; the gazetteer defaults to the one beside the articles.
    With caches (waqai.cache.events_cache, readings_cache), a report's own events, and
    what the charts read from its text, are read back when it did not change."""
    if gazetteer is None:
        folder = content_dir_of(articles)
        gazetteer = load_gazetteer(folder) if folder else Gazetteer.of((), ())
    events = []
    for article, ex in zip(articles, extractions, strict=True):
        found = cache.get(article) if cache else None
        if found is None:
            found = article_events(article, ex, gazetteer)
            if cache:
                cache.put(article, found)
        events += found
    if cache:
        cache.save()
    events.sort(key=lambda e: (e.day, e.sources[0].published or e.day, e.sources[0].article_id, e.sources[0].start))
    merged = tuple(merge_events(events))
    series = build_series(merged, articles, extractions, gazetteer, readings)
    undated = tuple(ex.article_id for ex in extractions if ex.published is None)
    return Timeline(merged, undated, gazetteer.places, gazetteer.actors, series, series.flags)
