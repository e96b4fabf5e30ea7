"""The timeline stage: extractions of all reports -> one chronology.

First version: every sentence with a date mention precise to the day (or a
day range) becomes an event dated by its first such mention. Event typing,
clause splitting, places, actors and cross-report merging build on this.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .records import Article, Event, Extraction, Source, Timeline
from .sentences import sentence_at, split_sentences

DATED_PRECISIONS = {"minute", "day", "range"}


def first_day(value: str) -> date:
    """First calendar day an ISO / TIMEX3 value covers ("2019-01-23/2019-01-24" -> 23 Jan)."""
    head = value.split("/")[0].split("T")[0]
    parts = [int(p) for p in head.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return date(*parts[:3])


def build_timeline(articles: Sequence[Article], extractions: Sequence[Extraction]) -> Timeline:
    events: list[Event] = []
    for article, ex in zip(articles, extractions, strict=True):
        sentences = split_sentences(article.body)
        seen: set[int] = set()
        for mention in ex.dates:
            if not mention.value or mention.precision not in DATED_PRECISIONS:
                continue
            sentence = sentence_at(sentences, mention.start)
            if sentence is None or sentence.index in seen:
                continue
            seen.add(sentence.index)
            figures = tuple((article.id, f) for f in ex.figures if sentence.start <= f.start < sentence.end)
            source = Source(article.id, article.outlet, ex.published, sentence.start, sentence.end, sentence.index, sentence.text)
            events.append(
                Event(
                    id=f"{first_day(mention.value).isoformat()}-{article.id}-{sentence.start}",
                    date=mention.value,
                    day=first_day(mention.value),
                    precision=mention.precision,
                    type="other",
                    summary=sentence.text,
                    sources=(source,),
                    figures=figures,
                )
            )
    events.sort(key=lambda e: (e.day, e.id))
    undated = tuple(ex.article_id for ex in extractions if ex.published is None)
    return Timeline(tuple(events), undated)
