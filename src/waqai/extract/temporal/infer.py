"""The publication date, read from the text when the front matter has none.

Evidence, strongest first: "today"/"yesterday" with a day and month in the
report's own voice (not inside a quoted bulletin), its year given or fixed by
the weekday ("أمس الأربعاء الـ 30 من كانون الثاني": 30 January was a
Wednesday in 2019, the year nearest those the text names); "today" with a
weekday and a full date of the text on that weekday; then a labelled
publication date ("تم النشر: 2019/03/23"); then a full dateline at the top (a date standing alone, not "في 5 أيار 2017").
No evidence, no date: an editor would rather see "unknown" than a guess.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .calendar import nearest_year, safe_date, years_with_weekday
from .grammar import Parse
from .lexicon import lexicon
from .patterns import patterns


@dataclass(frozen=True)
class Inference:
    published: date
    evidence: Parse  # the expression that fixed it


def _today_evidence(parses: list[Parse], inside: set[int]) -> list[tuple[date, Parse]]:
    lo, hi = lexicon().plausible_years
    text_years = sorted({p.year for p in parses if p.year and p.kind in ("date", "numeric")})
    fixed: list[tuple[date, Parse]] = []
    fixed_years: list[int] = []
    pending: list[tuple[int, int, Parse]] = []  # (month, day, parse) waiting for the document's year
    last_month = None
    for i, p in enumerate(parses):
        month = p.month or (last_month if p.same_month else None)
        last_month = month or last_month
        if i in inside or p.kind != "date" or p.rel is None or p.rel > 0 or p.day is None or month is None:
            continue
        written = safe_date(p.year, month, p.day) if p.year else None
        if written and (p.day_weekday is None or written.weekday() == p.day_weekday):
            year = p.year
        elif p.day_weekday is not None:
            years = years_with_weekday(month, p.day, p.day_weekday, lo, hi)
            year = nearest_year(years, text_years) if text_years else (years[0] if len(years) == 1 else None)
            if year is None:
                continue
        else:
            pending.append((month, p.day, p))
            continue
        d = safe_date(year, month, p.day)
        if d:
            fixed.append((d - timedelta(days=p.rel), p))
            fixed_years.append(year)
    doc_year = max(fixed_years) if fixed_years else (max(text_years) if text_years else None)
    for month, day, p in pending:
        d = safe_date(doc_year, month, day) if doc_year else None
        if d:
            fixed.append((d - timedelta(days=p.rel), p))
    return fixed


def _full_date(p: Parse) -> date | None:
    if p.kind not in ("date", "numeric") or not (p.year and p.month and p.day) or p.day2:
        return None
    d = safe_date(p.year, p.month, p.day)
    return d if d and (p.day_weekday is None or d.weekday() == p.day_weekday) else None


def _weekday_match(parses: list[Parse], inside: set[int]) -> list[tuple[date, Parse]]:
    """"اليوم الأحد" in the report's own voice and a full date of the text that was a Sunday."""
    dated = [d for p in parses if (d := _full_date(p))]
    out = []
    for i, p in enumerate(parses):
        if i in inside or p.kind != "date" or p.rel is None or p.rel > 0 or p.wd is None or p.month is not None:
            continue
        out += [(d - timedelta(days=p.rel), p) for d in dated if d.weekday() == p.wd]
    return out


def infer_published(parses: list[Parse], text: str, inside: set[int]) -> Inference | None:
    """The publication date the text gives, or None; `inside`: parses in quoted bulletins."""
    found = _today_evidence(parses, inside) or _weekday_match(parses, inside)
    if found:
        d, p = max(found, key=lambda t: t[0])
        return Inference(d, p)
    lex, pat = lexicon(), patterns()
    for p in parses:
        d = _full_date(p)
        if d and pat.publication_label.search(text, max(0, p.start - 30), p.start):
            return Inference(d, p)
    for p in parses:
        d = _full_date(p)
        if d and p.start < lex.dateline_chars and not p.introduced:
            return Inference(d, p)
    return None
