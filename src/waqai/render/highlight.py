"""A report's sentences with the extracted dates and figures marked, each linked to its event.

A reader checks a claim by going from the timeline to the sentence and back:
every date and figure the extractors found is highlighted in the report's text
with its reading in Arabic (date, or category and value) and a link to the event
that uses it on its month page.
"""
from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..content.labels import Labels
from ..extract.sentences import Sentence
from ..records import DateMention, Event, Extraction, Figure


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # "date" | "figure"
    title: str  # the reading, shown on hover
    href: str | None  # the event that uses it


def _spans(events: Sequence[Event], article_id: str) -> list[tuple[int, int, Event]]:
    """(start, end, event) of the report's sentences that events were taken from, in event order."""
    return [(s.start, s.end, event) for event in events for s in event.sources if s.article_id == article_id]


def _event_at(spans: Sequence[tuple[int, int, Event]], offset: int) -> Event | None:
    """The first event whose source sentence holds `offset`."""
    return next((event for start, end, event in spans if start <= offset < end), None)


def figure_reading(labels: Labels, figure: Figure) -> str:
    """`قتلى: 12`, the category in Arabic (a vague count has no value)."""
    category = labels.label("figure_categories", figure.category)
    return f"{category}: {figure.value:g}" if figure.value is not None else category


def report_marks(extraction: Extraction, events: Sequence[Event], link: Callable[[Event], str], labels: Labels) -> list[Mark]:
    """The marks of one report: its dated mentions and its figures, in text order, never overlapping."""
    candidates: list[DateMention | Figure] = [d for d in extraction.dates if d.value] + list(extraction.figures)
    spans = _spans(events, extraction.article_id)
    marks: list[Mark] = []
    for found in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if marks and found.start < marks[-1].end:
            continue
        event = _event_at(spans, found.start)
        href = link(event) if event else None
        if isinstance(found, Figure):  # readings only for the marks kept
            marks.append(Mark(found.start, found.end, "figure", figure_reading(labels, found), href))
        else:
            marks.append(Mark(found.start, found.end, "date", labels.value(found.value or ""), href))
    return marks


def _escape(text: str) -> str:
    return html.escape(text, quote=False).replace('"', "&quot;")


def marked_sentence(sentence: Sentence, marks: Sequence[Mark]) -> str:
    """The sentence as HTML, its marks wrapped in <mark> (and a link when they belong to an event)."""
    out, pos = [], sentence.start
    for mark in marks:
        if not (sentence.start <= mark.start and mark.end <= sentence.end):
            continue
        out.append(_escape(sentence.text[pos - sentence.start : mark.start - sentence.start]))
        inner = _escape(sentence.text[mark.start - sentence.start : mark.end - sentence.start])
        if mark.href:
            inner = f'<a href="{html.escape(mark.href)}">{inner}</a>'
        out.append(f'<mark class="waqai-{mark.kind}" title="{html.escape(mark.title)}">{inner}</mark>')
        pos = mark.end
    out.append(_escape(sentence.text[pos - sentence.start :]))
    return "".join(out)


def marked_sentences(paragraphs: Sequence[Sequence[Sentence]], marks: Sequence[Mark]) -> dict[int, str]:
    """HTML of each sentence that holds one of `marks` (report_marks), by sentence index
    (others are shown as plain text)."""
    out = {}
    for paragraph in paragraphs:
        for sentence in paragraph:
            inside = [m for m in marks if sentence.start <= m.start and m.end <= sentence.end]
            if inside:
                out[sentence.index] = marked_sentence(sentence, inside)
    return out
