"""What the timeline stage asks of a cache, without knowing one (waqai.incremental gives it).

The stage reads the same with or without a cache: build.py passes TimelineCaches made by
waqai.incremental.cache.timeline_caches, tests and `waqai extract` pass None.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from ..records import Article


class ReportMemo(Protocol):
    """Values derived from each report alone, kept between builds by a key of the report."""

    def key(self, article: Article) -> str: ...

    def get(self, article: Article) -> Any | None: ...

    def put(self, article: Article, value: Any) -> None: ...

    def touch(self, article: Article) -> None: ...

    def lookup(self, key: str) -> Any | None: ...

    def keep(self, key: str, value: Any) -> None: ...

    def save(self) -> None: ...


@dataclass(frozen=True)
class TimelineCaches:
    """The timeline stage's caches: each report's own events (waqai.timeline.happenings.article_events,
    before merging), how each day's events were merged (by the reports' events that day),
    and what the charts' series read from each report's text (waqai.timeline.series.ReportReadings),
    with each entry's rows of figures by its origin (Timeline.origins)."""

    events: ReportMemo
    merges: ReportMemo
    readings: ReportMemo
