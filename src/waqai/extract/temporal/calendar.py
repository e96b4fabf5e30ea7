"""Calendar arithmetic an editor does in their head: "the most recent 9 February", "last Thursday".

Pure functions of their arguments; the reference day is always passed in.
"""
from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (31 April) or is out of range."""
    if not (1 <= month <= 12 and 1 <= year <= 9999) or not 1 <= day <= _cal.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def month_end(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def year_of_month(month: int, ref: date, mode: str | None) -> int:
    """The year of a month named without one, seen from `ref`.

    mode "current": the reference's year; "previous" (الفائت): the most recent such
    month strictly before the reference month; "next" (المقبل): the first one after
    it; None: the most recent such month on or before the reference month.
    """
    if mode == "current":
        return ref.year
    if mode == "previous":
        return ref.year if month < ref.month else ref.year - 1
    if mode == "next":
        return ref.year if month > ref.month else ref.year + 1
    return ref.year if month <= ref.month else ref.year - 1


def most_recent(month: int, day: int, ref: date) -> date | None:
    """The most recent `day` `month` on or before `ref`."""
    year = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
    return safe_date(year, month, day) or safe_date(year - 1, month, day)


def weekday_on_or_before(weekday: int, ref: date, strict: bool = False) -> date:
    """The most recent `weekday` on or before `ref` (strictly before when `strict`)."""
    delta = (ref.weekday() - weekday) % 7
    if strict and delta == 0:
        delta = 7
    return ref - timedelta(days=delta)


def weekday_after(weekday: int, ref: date) -> date:
    """The first `weekday` strictly after `ref`."""
    return ref + timedelta(days=(weekday - ref.weekday()) % 7 or 7)


def years_with_weekday(month: int, day: int, weekday: int, first: int, last: int) -> list[int]:
    """Years in [first, last] where `day` `month` falls on `weekday`."""
    out = []
    for year in range(first, last + 1):
        d = safe_date(year, month, day)
        if d is not None and d.weekday() == weekday:
            out.append(year)
    return out


def nearest_year(candidates: list[int], targets: list[int], not_after: int | None = None) -> int | None:
    """The candidate closest to any target year (the later one on a tie), at most `not_after`."""
    pool = [y for y in candidates if not_after is None or y <= not_after]
    if not pool or not targets:
        return None
    return min(pool, key=lambda y: (min(abs(y - t) for t in targets), -y))
