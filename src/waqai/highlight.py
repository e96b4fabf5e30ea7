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

from .labels import Labels
from .records import Event, Extraction, Figure
from .sentences import Sentence


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # "date" | "figure"
    title: str  # the reading, shown on hover
    href: str | None  # the event that uses it


def _event_at(events: Sequence[Event], article_id: str, offset: int) -> Event | None:
    for event in events:
        for source in event.sources:
            if source.article_id == article_id and source.start <= offset < source.end:
                return event
    return None


def figure_reading(labels: Labels, figure: Figure) -> str:
    """`قتلى: 12`, the category in Arabic (a vague count has no value)."""
    category = labels.label("figure_categories", figure.category)
    return f"{category}: {figure.value:g}" if figure.value is not None else category


def report_marks(extraction: Extraction, events: Sequence[Event], link: Callable[[Event], str], labels: Labels) -> list[Mark]:
    """The marks of one report: its dated mentions and its figures, in text order, never overlapping."""
    candidates = [
        Mark(d.start, d.end, "date", labels.value(d.value), None) for d in extraction.dates if d.value
    ] + [
        Mark(f.start, f.end, "figure", figure_reading(labels, f), None) for f in extraction.figures
    ]  # fmt: skip
    marks: list[Mark] = []
    for mark in sorted(candidates, key=lambda m: (m.start, -m.end)):
        if marks and mark.start < marks[-1].end:
            continue
        event = _event_at(events, extraction.article_id, mark.start)
        marks.append(Mark(mark.start, mark.end, mark.kind, mark.title, link(event) if event else None))
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


def marked_sentences(
    paragraphs: Sequence[Sequence[Sentence]],
    extraction: Extraction,
    events: Sequence[Event],
    link: Callable[[Event], str],
    labels: Labels,
) -> dict[int, str]:
    """HTML of each sentence that holds a mark, by sentence index (others are shown as plain text)."""
    marks = report_marks(extraction, events, link, labels)
    out = {}
    for paragraph in paragraphs:
        for sentence in paragraph:
            if any(sentence.start <= m.start and m.end <= sentence.end for m in marks):
                out[sentence.index] = marked_sentence(sentence, marks)
    return out
