"""The editors' page: what a person should check before trusting or publishing the timeline.

Three lists, each entry one click from its sentence: the extraction warnings of
every report (a weekday that contradicts its date, ...), the series flags (a
cumulative toll that goes down, an area that grows with no reported advance),
and each cumulative toll's chain of reported values with their sources, so a
revision (`ليرتفع إلى`) or a correction downwards is read in one place.
The flags and the chains' rows are written as HTML here (item_html, row_html):
at 10,000 reports they are tens of thousands of lines.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any

import pandas as pd

from ..content.labels import Labels
from ..content.pages import EDITORS, report_page, sentence_anchor
from ..extract.sentences import split_sentences
from ..records import Article, Extraction, Flag, Timeline
from ..timeline.series import decreases, toll_chains
from .charts import ChartWords, days, page_url, records, value_text

# The editors' page lists this many series flags and values of each running toll; the rest
# are on further pages of as many (`editors/flags/2.md`, `editors/chains/<chain>/2.md`): at
# 2,000 reports telling the same happenings there were 7,000 flags, a page of 5 MB.
EDITORS_LIST_LIMIT = 200


@dataclass(frozen=True)
class WarningView:
    report: str  # the report's title
    page: str  # its page (docs-relative .md)
    anchor: str | None  # the sentence the warning is about, when it has a place in the text
    code: str  # the machine code, as acknowledged.yaml names it
    label: str  # the code in Arabic (the extractor's English detail is for `waqai extract`, not this page)
    excerpt: str  # the words the warning is about


@dataclass(frozen=True)
class FlagView:
    code: str
    key: str  # the chain, as acknowledged.yaml names it
    label: str
    message: str
    events: tuple[Any, ...]  # render.EventView of the events involved

    def item_html(self, here: str) -> str:
        """Its list item on page `here`, written here and not in the template: at 20,000 flags
        a template loop took a second, and MkDocs ten more to convert the list from Markdown."""
        events = "، ".join(f'<a href="{page_url(here, e.page, e.anchor)}">{escape(e.when)}</a>' for e in self.events)
        return (
            f"<li><strong>{escape(self.label)}</strong> ({events}) "
            f'<small><code dir="ltr">{escape(self.key)}</code> · <code dir="ltr">{escape(self.code)}</code></small></li>'
        )


@dataclass(frozen=True)
class ChainStep:
    when: str  # the day the toll held
    value: str  # as the report gave it: `ما لا يقل عن 1279`
    source: str  # outlet and publication date
    page: str
    anchor: str
    down: bool  # lower than an earlier value of the same chain

    def row_html(self, here: str, down_note: str) -> str:
        """Its table row on page `here`, a decrease marked ▼ and followed by `down_note` (HTML).
        Written here, not in the template: a template loop over 20,000 rows is slow."""
        value = f"<strong>▼ {escape(self.value)}</strong> {down_note}" if self.down else escape(self.value)
        link = f'<a href="{page_url(here, self.page, self.anchor)}">{escape(self.source)}</a>'
        return f"<tr><td>{escape(self.when)}</td><td>{value}</td><td>{link}</td></tr>"


@dataclass(frozen=True)
class ChainView:
    key: str
    title: str  # party and period, in Arabic
    steps: tuple[ChainStep, ...]  # on the editors' page, its first EDITORS_LIST_LIMIT
    more: str = ""  # "بقية قيم هذه الحصيلة (N)" when it has more
    more_page: str = ""  # the page that lists them

    @property
    def has_down(self) -> bool:
        return any(s.down for s in self.steps)

    def rows_html(self, here: str, down_note: str) -> str:
        """The rows of its table on page `here` (ChainStep.row_html), one a line."""
        return "\n".join(step.row_html(here, down_note) for step in self.steps)


@dataclass(frozen=True)
class EditorsPart:
    """A further page of a list too long for the editors' page: series flags (list items)
    or a running toll's values (table rows), written as HTML for this page."""

    title: str
    page: str
    items: tuple[str, ...]
    table: bool
    previous: str | None
    next: str | None


def _further_page(folder: str, number: int) -> str:
    """Page `number` (from 2: the first is the editors' page) of a list under `editors/`."""
    return f"editors/{folder}/{number}.md"


def further_pages(
    folder: str, title: str, count: int, item: Callable[[int, str], str], table: bool, limit: int = EDITORS_LIST_LIMIT, chain: str = ""
) -> list[EditorsPart]:
    """The pages after the editors' page of a list of `count` entries (`item(index, here)`
    writes one as HTML for page `here`), `limit` a page; `title` is formatted with the
    page's first and last entry, the count and the `chain`'s title."""
    pages = [_further_page(folder, n) for n in range(2, -(-count // limit) + 1)]
    out = []
    for number, page in enumerate(pages):
        first = (number + 1) * limit
        items = tuple(item(i, page) for i in range(first, min(first + limit, count)))
        out.append(EditorsPart(
            title.format(first=first + 1, last=first + len(items), count=count, chain=chain), page, items, table,
            pages[number - 1] if number else EDITORS, pages[number + 1] if number + 1 < len(pages) else None,
        ))  # fmt: skip
    return out


def bounded_chains(chains: Sequence[ChainView], words: Mapping[str, str], limit: int = EDITORS_LIST_LIMIT) -> tuple[list[ChainView], list[EditorsPart]]:
    """The chains as the editors' page shows them (their first `limit` values, a link to the
    rest) and the further pages of the longer ones."""
    shown, parts = [], []
    for chain in chains:
        if len(chain.steps) <= limit:
            shown.append(chain)
            continue
        folder = "chains/" + re.sub(r"[^A-Za-z0-9_-]+", "-", chain.key).strip("-")
        steps = chain.steps
        more = further_pages(
            folder, words["rows_title"], len(steps), lambda i, here, steps=steps: steps[i].row_html(here, escape(words["down_note"])),
            table=True, limit=limit, chain=chain.title,
        )  # fmt: skip
        shown.append(ChainView(chain.key, chain.title, steps[:limit], words["more_rows"].format(count=len(steps) - limit), more[0].page))
        parts += more
    return shown, parts


def warning_views(articles: Sequence[Article], extractions: Sequence[Extraction], labels: Labels) -> list[WarningView]:
    """Every extraction warning of every report, in report order, with the sentence it points at."""
    out = []
    for article, extraction in zip(articles, extractions, strict=True):
        sentences = split_sentences(article.body) if extraction.warnings else []
        for w in extraction.warnings:
            at = next((s for s in sentences if w.start is not None and s.start <= w.start < s.end), None)
            excerpt = article.body[w.start : w.end] if w.start is not None and w.end is not None else ""
            out.append(
                WarningView(
                    article.title or article.id, report_page(article.id), sentence_anchor(at.index) if at else None,
                    w.code, labels.label("warning_codes", w.code), excerpt,
                )
            )  # fmt: skip
    return out


def flag_views(flags: Sequence[Flag], views: Mapping[str, Any], words: ChartWords) -> list[FlagView]:
    """The series flags with their label and the events they involve (render.EventView by event id)."""
    return [FlagView(f.code, f.key, words.words.get(f.code, f.code), f.message, tuple(views[i] for i in f.event_ids if i in views)) for f in flags]


def _step(row: Mapping[str, Any], day: date, labels: Labels, words: ChartWords, down: bool) -> ChainStep:
    outlet = row["outlet"] or row["article_id"]
    published = labels.date(row["published"]) if not pd.isna(row["published"]) else "تاريخ غير معروف"
    return ChainStep(
        labels.date(day), value_text(row, words), f"{outlet}، {published}",
        report_page(row["article_id"]), sentence_anchor(int(row["sentence"])), down,
    )  # fmt: skip


_STEP_COLUMNS = ("value", "unit", "qualifier", "published", "outlet", "article_id", "sentence")


def chain_views(timeline: Timeline, labels: Labels, words: ChartWords) -> list[ChainView]:
    """Each cumulative toll (party, since) with its reported values in order, a decrease marked."""
    if timeline.series is None:
        return []
    names = {a.id: a.ar for a in timeline.actors}
    out = []
    for key, chain in toll_chains(timeline.series.tolls):
        lower = {after for _, after in decreases(chain)}
        first = chain.iloc[0]
        party = names.get(first["party"], first["party"]) if not pd.isna(first["party"]) else words.words["unknown"]
        since = f" ({words.words['since']} {labels.value(first['since'])})" if not pd.isna(first["since"]) else ""
        rows = zip(records(chain, _STEP_COLUMNS), days(chain["date"]))
        steps = tuple(_step(row, day, labels, words, i in lower) for i, (row, day) in enumerate(rows))
        out.append(ChainView(key, f"{labels.label('figure_categories', 'killed')}: {party}{since}", steps))
    return out
