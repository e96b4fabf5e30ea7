"""The temporal engine: every date expression of an Arabic report, found and normalized.

Four steps, each its own module: `grammar` finds the expressions in the folded
text (regexes built from data/temporal/*.yaml by `patterns`); `context` marks
the quoted bulletins whose "today" is another day; `infer` reads the
publication date from the text when the front matter has none; `resolve`
gives each expression its ISO 8601 / TIMEX3 value against the right reference.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from ...records import DateMention, Warning
from ..normalize import normalize
from .context import bulletins
from .grammar import Parse, scan
from .infer import infer_published
from .resolve import Frame, Resolved, first_day, last_day, resolve

__all__ = ["CONTRADICTED_BULLETIN", "TemporalResult", "analyze"]

CONTRADICTED_BULLETIN = "bulletin-day-contradicted"  # the warning code at a bulletin's opener


@dataclass(frozen=True)
class TemporalResult:
    mentions: tuple[DateMention, ...]  # sorted by start, non-overlapping
    published: date | None  # the front matter's date, else the inferred one, else None
    published_source: str | None  # "front_matter" | "inferred" | None
    evidence: str | None  # the text that fixed an inferred publication date
    warnings: tuple[Warning, ...]


PRECISION = {4: "year", 7: "month", 10: "day"}


def _precision(value: str | None) -> str:
    if value is None:
        return "none"
    if "/" in value:
        return "range"
    return "minute" if "T" in value else PRECISION.get(len(value), "none")


def _document_frame(anchor: str | None) -> Frame:
    """Without a publication date: year-less dates take the last explicit date's year."""
    if anchor is None:
        return Frame()
    label = f"document:{anchor}"
    if len(anchor) == 4:
        return Frame(year_only=int(anchor), year_label=label)
    return Frame(year_ref=last_day(anchor), year_label=label, same_year=True)


@lru_cache(maxsize=1024)  # a report's expressions share a few frames; a Frame is immutable
def _frame(
    published: date | None,
    bulletin: date | None,
    in_bulletin: bool,
    anchor: str | None,
    last_month: tuple[int, int] | None,
) -> Frame:
    """What one expression is read against: its bulletin's day, the publication, or the document."""
    if in_bulletin:
        day, label = bulletin, f"bulletin:{bulletin.isoformat()}" if bulletin else None
    else:
        day, label = published, f"published:{published.isoformat()}" if published else None
    if day is not None:
        return Frame(day=day, label=label, year_ref=day, year_label=label, last_month=last_month)
    if in_bulletin and published is not None:  # a bulletin of unknown day: no "today", but the year of the report
        label = f"published:{published.isoformat()}"
        return Frame(year_ref=published, year_label=label, last_month=last_month)
    base = _document_frame(anchor)
    return replace(base, last_month=last_month)


def _explicit(p: Parse) -> bool:
    return p.year is not None or p.kind in ("numeric", "hijri")


def analyze(text: str, published: date | None) -> TemporalResult:
    """Find and resolve the date expressions of a report body.

    `published` is the front matter's date; when None it is inferred from the
    text if the text gives evidence. Offsets are into the original `text`.
    """
    norm = normalize(text)
    parses = scan(norm.text, norm.tokens)
    owner, openers = bulletins(parses, norm.text)
    source, evidence = ("front_matter", None) if published else (None, None)
    if published is None:
        inside = {i for i, o in enumerate(owner) if o is not None and i not in openers}
        found = infer_published(parses, norm.text, inside)
        if found is not None:
            s, e = norm.span(found.evidence.start, found.evidence.end)
            published, source, evidence = found.published, "inferred", text[s:e]
    mentions, warnings, contradicted = _resolve_all(parses, norm, text, published, owner, openers, frozenset())
    if contradicted:  # read those bulletins again, their day unknown
        mentions, warnings, _ = _resolve_all(parses, norm, text, published, owner, openers, contradicted)
    return TemporalResult(tuple(mentions), published, source, evidence, tuple(warnings))


def _resolve_all(
    parses: list[Parse],
    norm,
    text: str,
    published: date | None,
    owner: list[int | None],
    openers: set[int],
    unknown: frozenset[int],
) -> tuple[list[DateMention], list[Warning], frozenset[int]]:
    """Resolve every parse in order; also the openers of the bulletins the text contradicts.

    A bulletin's day comes from its opener ("نشر المرصد أمس"). When a date inside it
    says both a relative day and a calendar date ("أمس الأول الاثنين الـ 20") and they
    disagree with that day, the source contradicts itself: the bulletin's day is
    unknown (the openers in `unknown`), so nothing in it is dated from it, and the
    editors get a warning.
    """
    mentions: list[DateMention] = []
    warnings: list[Warning] = []
    contradicted: set[int] = set()
    bulletin_day: dict[int, date | None] = {}
    last_month: tuple[int, int] | None = None
    anchor: str | None = None
    for i, p in enumerate(parses):
        in_bulletin = owner[i] is not None and i not in openers
        frame = _frame(published, bulletin_day.get(owner[i]) if in_bulletin else None, in_bulletin, anchor, last_month)
        r: Resolved = resolve(p, frame)
        start, end = norm.span(p.start, p.end)
        if i in unknown:
            r = Resolved(None, r.kind, r.anchor, (CONTRADICTED_BULLETIN, "a date inside this bulletin contradicts the day it gives; the bulletin's day is left unknown"))
        if i in openers:
            bulletin_day[i] = first_day(r.value) if r.value and _precision(r.value) in ("day", "minute", "range") else None
        if in_bulletin and frame.day is not None and _contradicts(p, r, frame.day):
            contradicted.add(owner[i])
        if r.value and (p.month or p.same_month) and _precision(r.value) != "year":
            d = first_day(r.value)
            last_month = (d.year, d.month)
        if r.value and _explicit(p):
            anchor = r.value
        if r.warning:
            warnings.append(Warning(*r.warning, start, end))
        mentions.append(
            DateMention(
                start=start, end=end, text=text[start:end], value=r.value,
                precision=_precision(r.value), kind=r.kind, anchor=r.anchor, since=p.since,
            )
        )  # fmt: skip
    return mentions, warnings, frozenset(contradicted)


def _contradicts(p: Parse, r: Resolved, day: date) -> bool:
    """A relative day joined to a calendar date ("أمس الأول الاثنين الـ 20 من ...") that is
    not that many days from `day`."""
    if p.rel is None or p.month is None or p.day is None or not r.value or _precision(r.value) != "day":
        return False
    return (first_day(r.value) - day).days != p.rel
