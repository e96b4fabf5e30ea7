"""How the site writes dates and labels for Arabic readers.

The words live in data/display.yaml (validated here, errors name the file);
this module only knows how to put them together: `9 شباط / فبراير 2019`, with
Western digits everywhere because the site's search drops Arabic-Indic ones.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ContentError
from .datafiles import PACKAGE_DATA, read_yaml

DEFAULT_PATH = PACKAGE_DATA / "display.yaml"

_TABLES = ("months", "weekdays", "event_types", "precisions", "date_bases", "figure_categories", "published_sources", "warning_codes", "event_sources", "editor_pages", "nav", "without_day")


@dataclass(frozen=True)
class Labels:
    months: dict[int, str]
    weekdays: dict[int, str]
    event_types: dict[str, str]
    precisions: dict[str, str]
    date_bases: dict[str, str]
    figure_categories: dict[str, str]
    published_sources: dict[str, str]
    warning_codes: dict[str, str]
    event_sources: dict[str, str]
    editor_pages: dict[str, str]
    nav: dict[str, str]
    without_day: dict[str, str]  # headings of a month page's events without a day: of the month, of the year

    def date(self, day: date, weekday: bool = False) -> str:
        """`9 شباط / فبراير 2019`, or with its weekday first: `السبت 9 شباط / فبراير 2019`."""
        text = f"{day.day} {self.months[day.month]} {day.year}"
        return f"{self.weekdays[day.isoweekday()]} {text}" if weekday else text

    def month(self, year_month: str) -> str:
        """`2019-02` -> `شباط / فبراير 2019`."""
        year, month = (int(p) for p in year_month.split("-")[:2])
        return f"{self.months[month]} {year}"

    def value(self, timex: str) -> str:
        """A TIMEX3-style value as a reader reads it: day, range, month, year or minute."""
        if "/" in timex:
            first, last = timex.split("/", 1)
            if len(first) == len(last) == 10 and first[:7] == last[:7]:  # days of one month: 23-24 ...
                return f"{int(first[8:])}-{int(last[8:])} {self.month(first[:7])}"
            return f"من {self.value(first)} إلى {self.value(last)}"
        day_part, _, clock = timex.partition("T")
        parts = day_part.split("-")
        if len(parts) == 1:
            return parts[0]
        if len(parts) == 2:
            return self.month(day_part)
        text = self.date(date.fromisoformat(day_part))
        return f"{text}، الساعة {clock}" if clock else text

    def more_sources(self, count: int) -> str:
        """`و12 مصدراً آخر`: the sources an event's block leaves to its sources page, the noun
        in the form the number takes (one, two, 3-10, 11 and more)."""
        form = {1: "more_one", 2: "more_two"}.get(count, "more_few" if count <= 10 else "more_many")
        return self.event_sources[form].format(count=count)

    def label(self, table: str, key: str | None) -> str:
        """The Arabic label of `key` in one of the tables; the key itself when unknown."""
        if key is None:
            return ""
        return getattr(self, table).get(key, key)


def load_labels(path: Path = DEFAULT_PATH) -> Labels:
    """Read and validate the display labels; a problem raises ContentError naming the file.
    Read once for each version of the file: the timeline asks for them for every report."""
    try:
        status = os.stat(path)
    except OSError:
        return _read_labels(path)  # says what is wrong with it
    return _labels_of(path, status.st_mtime_ns, status.st_size)


@lru_cache(maxsize=4)
def _labels_of(path: Path, _mtime_ns: int, _size: int) -> Labels:
    return _read_labels(path)


def _read_labels(path: Path) -> Labels:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ContentError(path, 1, "must be a mapping of tables")
    unknown = set(data) - set(_TABLES)
    if unknown:
        raise ContentError(path, None, f"unknown table(s): {', '.join(sorted(unknown))}")
    tables: dict[str, dict[Any, str]] = {}
    for name in _TABLES:
        table = data.get(name)
        if not isinstance(table, dict) or not all(isinstance(v, str) and v.strip() for v in table.values()):
            raise ContentError(path, None, f"{name}: must be a mapping of key: non-empty text")
        tables[name] = table
    for name, keys in (("months", range(1, 13)), ("weekdays", range(1, 8)), ("without_day", ("month", "year"))):
        missing = [k for k in keys if k not in tables[name]]
        if missing:
            raise ContentError(path, None, f"{name}: missing {', '.join(map(str, missing))}")
    return Labels(**tables)
