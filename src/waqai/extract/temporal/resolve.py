"""What date a parsed expression names, given what it is read against (a `Frame`)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from hijridate import Hijri

from .calendar import (
    add_months,
    month_end,
    most_recent,
    nearest_year,
    safe_date,
    weekday_after,
    weekday_on_or_before,
    year_of_month,
    years_with_weekday,
)
from .grammar import Parse

SHIFT = {"current": 0, "previous": -1, "next": 1}
# A weekday with a day and month may name a day shortly after the reference
# (an announced meeting), not much more.
WEEKDAY_LOOKAHEAD = 14


@dataclass(frozen=True)
class Frame:
    """The references an expression is resolved against.

    `day` is the day relative words count from: the publication, or the day of
    the quoted bulletin the expression sits in. `year_ref` fixes dates written
    without a year; with no publication date it is the last explicit date of the
    document ("9 أكتوبر" after a "نوفمبر 2019" dateline), or only its year.
    """

    day: date | None = None
    label: str | None = None
    year_ref: date | None = None
    year_only: int | None = None
    year_label: str | None = None
    same_year: bool = False  # year_ref is the document's last explicit date: take its year
    last_month: tuple[int, int] | None = None  # (year, month) said before: "الشهر ذاته"


class Resolved(NamedTuple):
    """A tuple, not a frozen dataclass: one is made per expression, and tuples are cheap to make."""

    value: str | None
    kind: str
    anchor: str | None = None
    warning: tuple[str, str] | None = None  # (code, message): a source inconsistency for the editors


def _iso(d: date, clock: tuple[int, int] | None) -> str:
    return f"{d.isoformat()}T{clock[0]:02d}:{clock[1]:02d}" if clock else d.isoformat()


def _hijri(p: Parse) -> Resolved:
    year, month, day = p.hijri
    try:
        if month and day:
            return Resolved(Hijri(year, month, day).to_gregorian().isoformat(), "hijri")
        first = Hijri(year, month or 1, 1).to_gregorian()
        if month:
            last = first + timedelta(days=Hijri(year, month, 1).month_length() - 1)
        else:
            last = Hijri(year + 1, 1, 1).to_gregorian() - timedelta(days=1)
        return Resolved(f"{first.isoformat()}/{last.isoformat()}", "hijri")
    except (ValueError, OverflowError):  # outside the library's range or no such day
        return Resolved(None, "hijri")


def _duration(p: Parse, f: Frame) -> Resolved:
    unit, precision = p.unit
    if f.day is None or p.count is None or precision == "none":
        return Resolved(None, "duration")
    if unit in ("day", "week"):
        days = p.count * (7 if unit == "week" else 1)
        return Resolved((f.day - timedelta(days=days)).isoformat(), "duration", f.label)
    if unit == "month":
        y, m = add_months(f.day.year, f.day.month, -p.count)
        return Resolved(f"{y:04d}-{m:02d}", "duration", f.label)
    return Resolved(str(f.day.year - p.count), "duration", f.label)


def _relative_day(p: Parse, f: Frame) -> Resolved:
    if f.day is None:
        return Resolved(None, "relative")
    target = f.day + timedelta(days=p.rel or 0)
    kind = "relative" if p.rel is not None else "weekday"
    if p.wd is None:
        return Resolved(_iso(target, p.clock), kind, f.label)
    strict = p.wdmod == "previous" and p.rel is None

    def pick(weekday: int) -> date:
        return weekday_after(weekday, target) if p.wdmod == "next" else weekday_on_or_before(weekday, target, strict)

    if p.wd2 is None:
        return Resolved(_iso(pick(p.wd), p.clock), kind, f.label)
    second = pick(p.wd2)  # "ليل السبت – الأحد": the night that ends on the second day
    first = second - timedelta(days=(p.wd2 - p.wd) % 7 or 7)
    value = _iso(first, p.clock) if p.clock else f"{first.isoformat()}/{second.isoformat()}"
    return Resolved(value, kind, f.label)


def _year_less(p: Parse, month: int, f: Frame) -> tuple[int | None, str | None]:
    """The year of a date written without one, and what fixed it."""
    ref = f.year_ref
    if ref is None:
        return f.year_only, f.year_label
    if p.ymod:
        return ref.year + SHIFT[p.ymod], f.year_label
    if p.mmod in SHIFT:
        return year_of_month(month, ref, p.mmod), f.year_label
    if f.same_year:
        return ref.year, f.year_label
    if p.day is None:
        return year_of_month(month, ref, None), f.year_label
    if p.day_weekday is not None:  # the weekday picks the year: last year, this one, or just ahead
        fits = [
            d
            for y in years_with_weekday(month, p.day, p.day_weekday, ref.year - 1, ref.year + 1)
            if (d := safe_date(y, month, p.day)) and -366 <= (d - ref).days <= WEEKDAY_LOOKAHEAD
        ]
        if fits:
            return min(fits, key=lambda d: abs((d - ref).days)).year, f.year_label
    recent = most_recent(month, p.day, ref)
    return (recent.year if recent else None), f.year_label


def _calendar(p: Parse, f: Frame) -> Resolved:
    month, year, anchor, warning = p.month, p.year, None, None
    if p.same_month:
        if f.last_month is None:
            return Resolved(None, "relative")
        same_year, month = f.last_month
        year = year or same_year
        anchor = "same-month"
    if year is None:
        year, anchor = _year_less(p, month, f)
        if year is None:
            return Resolved(None, "relative")
    elif p.day_weekday is not None and p.day is not None:
        written = safe_date(year, month, p.day)
        if written is not None and written.weekday() != p.day_weekday:
            ref = f.day or f.year_ref
            near = ref.year if ref else year
            fits = [
                y
                for y in years_with_weekday(month, p.day, p.day_weekday, near - 7, near + 1)
                if ref is None or safe_date(y, month, p.day) <= ref
            ]
            better = nearest_year(fits, [near])
            if better is not None:
                warning = (
                    "weekday-year-mismatch",
                    f"{written.isoformat()} was a {written.strftime('%A')}, not the weekday the text gives; "
                    f"read as {better}" + (f" from the reference {ref.isoformat()}" if ref else ""),
                )
                year, anchor = better, f.label
    kind = "explicit" if p.year and not warning else "relative"
    if p.day is None:
        return Resolved(f"{year:04d}-{month:02d}", kind, anchor, warning)
    first = safe_date(year, month, p.day)
    if first is None:
        return Resolved(None, kind)
    if warning is None and p.day_weekday is not None and first.weekday() != p.day_weekday:
        warning = (
            "weekday-date-mismatch",
            f"{first.isoformat()} is a {first.strftime('%A')}, not the weekday the text gives; the date is kept",
        )
    if p.day2 and safe_date(year, month, p.day2):
        return Resolved(f"{first.isoformat()}/{safe_date(year, month, p.day2).isoformat()}", kind, anchor, warning)
    if p.wd2 is not None and p.wd is not None and not p.clock:  # the night before the dated day
        eve = first - timedelta(days=(p.wd2 - p.wd) % 7 or 7)
        return Resolved(f"{eve.isoformat()}/{first.isoformat()}", kind, anchor, warning)
    return Resolved(_iso(first, p.clock), kind, anchor, warning)


def _relative_month(p: Parse, f: Frame) -> Resolved:
    """"الشهر الماضي", "في الـ 20 من الشهر الجاري": a month, or a day of it, counted from the reference."""
    if f.day is None:
        return Resolved(None, "relative")
    y, m = add_months(f.day.year, f.day.month, SHIFT.get(p.month_rel, 0))
    if p.day is None:
        return Resolved(f"{y:04d}-{m:02d}", "relative", f.label)
    d = safe_date(y, m, p.day)
    return Resolved(_iso(d, p.clock) if d else None, "relative", f.label)


def _year_or_month(p: Parse, f: Frame) -> Resolved:
    if p.year is not None:
        return Resolved(f"{p.year}/{p.year2}" if p.year2 else str(p.year), "explicit")
    if f.day is None:
        return Resolved(None, "relative")
    return Resolved(str(f.day.year + SHIFT.get(p.ymod, 0)), "relative", f.label)


def resolve(p: Parse, f: Frame) -> Resolved:
    """The value of one expression under frame `f`."""
    if p.kind == "vague":
        return Resolved(None, "vague")
    if p.kind == "hijri":
        return _hijri(p)
    if p.kind == "duration":
        return _duration(p, f)
    if p.kind == "numeric":
        d = safe_date(p.year, p.month, p.day)
        return Resolved(_iso(d, p.clock) if d else None, "explicit")
    if p.month is not None or p.same_month:
        return _calendar(p, f)
    if p.month_rel is not None:
        return _relative_month(p, f)
    if p.rel is not None or p.wd is not None:
        return _relative_day(p, f)
    return _year_or_month(p, f)


def first_day(value: str) -> date:
    """The first day a value covers: "2019-01-23/2019-01-24" -> 2019-01-23."""
    head = value.split("/")[0].split("T")[0]
    parts = [int(x) for x in head.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(value: str) -> date:
    """The last day a value covers: "2019-11" -> 2019-11-30."""
    tail = value.split("/")[-1].split("T")[0]
    parts = [int(x) for x in tail.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return month_end(parts[0], parts[1])
    return date(parts[0], 12, 31)
